package com.productivecommunity.command.community;

import com.productivecommunity.support.web.ConflictException;
import com.productivecommunity.support.web.ForbiddenException;

/** Why a community refuses a command. */
final class CommunityRejections {

    private CommunityRejections() {
    }

    static class AlreadyAMember extends ConflictException {
        AlreadyAMember(String memberId) {
            super(memberId + " is already a member of this community");
        }
    }

    static class NotAMember extends ConflictException {
        NotAMember(String memberId) {
            super(memberId + " is not a member of this community");
        }
    }

    static class MembersOnly extends ForbiddenException {
        MembersOnly(String memberId) {
            super("Only members may do this, and " + memberId + " is not a member of this community");
        }
    }

    static class LeadersOnly extends ForbiddenException {
        LeadersOnly(String memberId) {
            super("Only the community's leaders may do this, and " + memberId + " is not one");
        }
    }
}
