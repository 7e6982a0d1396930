package com.productivecommunity.command.community;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a community handles; {@code memberId} is always the authenticated member. */
final class CommunityCommands {

    private CommunityCommands() {
    }

    record FoundCommunity(@TargetAggregateIdentifier UUID communityId, String memberId, String name, String purpose) {
    }

    record JoinCommunity(@TargetAggregateIdentifier UUID communityId, String memberId, String purpose) {
    }

    record LeaveCommunity(@TargetAggregateIdentifier UUID communityId, String memberId) {
    }

    record StateCommunityPurpose(@TargetAggregateIdentifier UUID communityId, String memberId, String purpose) {
    }

    record StateMemberPurpose(@TargetAggregateIdentifier UUID communityId, String memberId, String purpose) {
    }

    /** A leader ({@code memberId}) names {@code leaderId} one of the community's leaders. */
    record NameLeader(@TargetAggregateIdentifier UUID communityId, String memberId, String leaderId) {
    }

    /** A leader ({@code memberId}) removes {@code leaderId} from the leaders (themselves included). */
    record RemoveLeader(@TargetAggregateIdentifier UUID communityId, String memberId, String leaderId) {
    }

    /** A leader ({@code memberId}) removes {@code removedId} from the community, for {@code reason}. */
    record RemoveMember(@TargetAggregateIdentifier UUID communityId, String memberId, String removedId,
                        String reason) {
    }

    record RecordOutcome(@TargetAggregateIdentifier UUID communityId, String memberId, UUID outcomeId,
                         String description, BigDecimal value, List<UUID> contributionIds) {
    }
}
