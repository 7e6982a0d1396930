package com.productivecommunity.command.rules;

import com.productivecommunity.support.security.Member;
import java.util.UUID;

/**
 * Partners and customers take part only in communities opened to them. Joining is the community's own rule
 * ({@code Community}); this one guards every other act in a community, so a membership from before that rule, or
 * one whose member's segments changed since, gives a partner or customer nothing in a community for the staff.
 * Leaving and retracting one's own contribution stay open to everyone.
 */
public final class Audience {

    private Audience() {
    }

    public static void require(CommandLookup lookup, UUID communityId, Member member) {
        if (member.isExternal() && lookup.communityExists(communityId) && !lookup.openToExternal(communityId)) {
            throw new StaffOnlyCommunity(communityId, member.id());
        }
    }

    /** A partner or customer acting in a community for the organization's staff. */
    public static final class StaffOnlyCommunity extends Rejection.Forbidden {
        StaffOnlyCommunity(UUID communityId, String memberId) {
            super("Community " + communityId + " is open to the organization's staff only, and " + memberId
                    + " is a partner or customer");
        }
    }
}
