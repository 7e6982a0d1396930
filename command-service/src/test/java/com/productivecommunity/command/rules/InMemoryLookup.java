package com.productivecommunity.command.rules;

import com.productivecommunity.events.ContributionKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The lookup's answers for aggregate unit tests (the real one is a pair of PostgreSQL tables). */
public class InMemoryLookup implements CommandLookup {

    private final Set<UUID> communities = new HashSet<>();
    private final Set<String> memberships = new HashSet<>();
    private final Set<String> leaderships = new HashSet<>();
    private final Map<UUID, ContributionFacts> contributions = new HashMap<>();

    public InMemoryLookup member(UUID communityId, String memberId) {
        communities.add(communityId);
        memberships.add(communityId + "/" + memberId);
        return this;
    }

    public InMemoryLookup leader(UUID communityId, String memberId) {
        member(communityId, memberId);
        leaderships.add(communityId + "/" + memberId);
        return this;
    }

    public InMemoryLookup contribution(UUID contributionId, UUID communityId, ContributionKind kind, String authorId,
                                       UUID inReplyTo) {
        return contribution(contributionId, communityId, kind, authorId, inReplyTo, false);
    }

    /** A contribution that was retracted or hidden ({@code withdrawn}) or not. */
    public InMemoryLookup contribution(UUID contributionId, UUID communityId, ContributionKind kind, String authorId,
                                       UUID inReplyTo, boolean withdrawn) {
        communities.add(communityId);
        contributions.put(contributionId,
                new ContributionFacts(contributionId, communityId, kind, authorId, inReplyTo, withdrawn));
        return this;
    }

    @Override
    public boolean communityExists(UUID communityId) {
        return communities.contains(communityId);
    }

    @Override
    public boolean openToExternal(UUID communityId) {
        return false; // the aggregates' own tests decide openness through their events
    }

    @Override
    public boolean isMember(UUID communityId, String memberId) {
        return memberships.contains(communityId + "/" + memberId);
    }

    @Override
    public boolean isLeader(UUID communityId, String memberId) {
        return leaderships.contains(communityId + "/" + memberId);
    }

    @Override
    public Optional<ContributionFacts> contribution(UUID contributionId) {
        return Optional.ofNullable(contributions.get(contributionId));
    }
}
