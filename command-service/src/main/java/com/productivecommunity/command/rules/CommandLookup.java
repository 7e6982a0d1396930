package com.productivecommunity.command.rules;

import com.productivecommunity.events.ContributionKind;
import java.util.Optional;
import java.util.UUID;

/**
 * What a command handler needs to know about other aggregates: who belongs to which community and
 * what each contribution is. Kept in the same transaction as the event store, so it is never behind.
 */
public interface CommandLookup {

    boolean communityExists(UUID communityId);

    /** Whether partners and customers may take part in the community (its founding said so). */
    boolean openToExternal(UUID communityId);

    boolean isMember(UUID communityId, String memberId);

    /** Whether {@code memberId} is one of the community's leaders now. */
    boolean isLeader(UUID communityId, String memberId);

    Optional<ContributionFacts> contribution(UUID contributionId);

    /** {@code withdrawn}: the contribution was retracted by its author or hidden by a leader. */
    record ContributionFacts(UUID contributionId, UUID communityId, ContributionKind kind, String authorId,
                             UUID inReplyTo, boolean withdrawn) {
    }
}
