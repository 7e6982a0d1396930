package com.productivecommunity.command.community;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands a community handles; {@code memberId} is always the authenticated member, and {@code segments}
 * what the directory says of them (null: not known, so nothing is recorded or compared).
 */
final class CommunityCommands {

    private CommunityCommands() {
    }

    record FoundCommunity(@TargetAggregateIdentifier UUID communityId, String memberId, String name, String purpose,
                          Collection<String> segments, boolean openToExternal) {
        FoundCommunity(UUID communityId, String memberId, String name, String purpose) {
            this(communityId, memberId, name, purpose, null, false);
        }
    }

    record JoinCommunity(@TargetAggregateIdentifier UUID communityId, String memberId, String purpose,
                         Collection<String> segments) {
        JoinCommunity(UUID communityId, String memberId, String purpose) {
            this(communityId, memberId, purpose, null);
        }
    }

    record LeaveCommunity(@TargetAggregateIdentifier UUID communityId, String memberId) {
    }

    record StateCommunityPurpose(@TargetAggregateIdentifier UUID communityId, String memberId, String purpose,
                                 Collection<String> segments) {
        StateCommunityPurpose(UUID communityId, String memberId, String purpose) {
            this(communityId, memberId, purpose, null);
        }
    }

    record StateMemberPurpose(@TargetAggregateIdentifier UUID communityId, String memberId, String purpose,
                              Collection<String> segments) {
        StateMemberPurpose(UUID communityId, String memberId, String purpose) {
            this(communityId, memberId, purpose, null);
        }
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
                         String description, BigDecimal value, List<UUID> contributionIds,
                         Collection<String> segments) {
        RecordOutcome(UUID communityId, String memberId, UUID outcomeId, String description, BigDecimal value,
                      List<UUID> contributionIds) {
            this(communityId, memberId, outcomeId, description, value, contributionIds, null);
        }
    }
}
