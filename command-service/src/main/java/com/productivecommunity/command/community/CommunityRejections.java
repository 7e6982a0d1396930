package com.productivecommunity.command.community;

import com.productivecommunity.command.rules.Rejection;

/** Why a community refuses a command. */
final class CommunityRejections {

    private CommunityRejections() {
    }

    static class AlreadyAMember extends Rejection.Conflict {
        AlreadyAMember(String memberId) {
            super(memberId + " is already a member of this community");
        }
    }

    static class NotAMember extends Rejection.Conflict {
        NotAMember(String memberId) {
            super(memberId + " is not a member of this community");
        }
    }

    static class MembersOnly extends Rejection.Forbidden {
        MembersOnly(String memberId) {
            super("Only members may do this, and " + memberId + " is not a member of this community");
        }
    }

    static class LeadersOnly extends Rejection.Forbidden {
        LeadersOnly(String memberId) {
            super("Only the community's leaders may do this, and " + memberId + " is not one");
        }
    }

    static class NotALeader extends Rejection.Conflict {
        NotALeader(String memberId) {
            super(memberId + " is not a leader of this community");
        }
    }

    static class LastLeader extends Rejection.Conflict {
        LastLeader(String memberId) {
            super(memberId + " is the community's only leader: name another leader first (or leave the community,"
                    + " which passes leadership on to the longest-standing member)");
        }
    }

    static class RemovingOneself extends Rejection.Conflict {
        RemovingOneself(String memberId) {
            super(memberId + " cannot remove themselves: leave the community instead");
        }
    }

    static class WithdrawnContribution extends Rejection.Conflict {
        WithdrawnContribution(java.util.UUID contributionId) {
            super("Contribution " + contributionId + " was retracted or hidden");
        }
    }

    static class StaffOnly extends Rejection.Forbidden {
        StaffOnly(String memberId) {
            super("This community is open to the organization's staff only, and " + memberId
                    + " is a partner or customer");
        }
    }

    static class StaffFoundCommunities extends Rejection.Forbidden {
        StaffFoundCommunities(String memberId) {
            super("Only the organization's staff found communities, and " + memberId + " is a partner or customer");
        }
    }
}
