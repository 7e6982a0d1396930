package com.productivecommunity.command.community;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.productivecommunity.command.community.CommunityCommands.FoundCommunity;
import com.productivecommunity.command.community.CommunityCommands.JoinCommunity;
import com.productivecommunity.command.community.CommunityCommands.LeaveCommunity;
import com.productivecommunity.command.community.CommunityCommands.NameLeader;
import com.productivecommunity.command.community.CommunityCommands.RecordOutcome;
import com.productivecommunity.command.community.CommunityCommands.RemoveLeader;
import com.productivecommunity.command.community.CommunityCommands.RemoveMember;
import com.productivecommunity.command.community.CommunityCommands.StateCommunityPurpose;
import com.productivecommunity.command.community.CommunityCommands.StateMemberPurpose;
import com.productivecommunity.command.community.CommunityRejections.AlreadyAMember;
import com.productivecommunity.command.community.CommunityRejections.LastLeader;
import com.productivecommunity.command.community.CommunityRejections.LeadersOnly;
import com.productivecommunity.command.community.CommunityRejections.MembersOnly;
import com.productivecommunity.command.community.CommunityRejections.NotALeader;
import com.productivecommunity.command.community.CommunityRejections.NotAMember;
import com.productivecommunity.command.community.CommunityRejections.RemovingOneself;
import com.productivecommunity.command.community.CommunityRejections.WithdrawnContribution;
import com.productivecommunity.command.community.CommunityRejections.StaffFoundCommunities;
import com.productivecommunity.command.community.CommunityRejections.StaffOnly;
import com.productivecommunity.command.rules.CommandLookup.ContributionFacts;
import com.productivecommunity.command.rules.CommandLookup;
import com.productivecommunity.command.rules.InvalidInput;
import com.productivecommunity.command.rules.Limits;
import com.productivecommunity.command.rules.Stamps;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.LeaderRemoved;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.MemberRemoved;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.Segments;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A community: who belongs to it and who leads it. Its contributions are separate aggregates, so a
 * busy community stays small. Purposes are facts for the readers; no rule here depends on them. Members'
 * segments are recorded as the directory states them (at joining, and again when they differ the next time a
 * member acts on the community); partners and customers may join only a community opened to them.
 *
 * <p>Leadership is never stranded: whenever a command leaves members but no leader (the last leader left or was
 * removed), the same command names the longest-standing remaining member (of the staff, when there is one) leader
 * ({@link LeaderNamed} with {@link LeaderNamed.Reason#SUCCESSION}); a community nobody belongs to has no leader, and
 * the next member who joins it becomes one the same way.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Community {

    @AggregateIdentifier
    private UUID communityId;
    private Set<String> members = new HashSet<>();
    private Set<String> leaders = new HashSet<>();
    /**
     * Members in the order they (last) joined: who is longest-standing. A snapshot taken before this field existed
     * lacks it; the members it does not list joined before the snapshot and count as longer-standing, by id.
     */
    private List<String> seniority = new ArrayList<>();
    /** Each member's segments as last recorded. */
    private Map<String, List<String>> segments = new HashMap<>();
    private boolean openToExternal;

    Community() {
    }

    @CommandHandler
    Community(FoundCommunity command, Stamps stamps) {
        String name = Limits.communityName(command.name());
        String purpose = Limits.purpose(command.purpose());
        if (Segments.isExternal(command.segments())) {
            throw new StaffFoundCommunities(command.memberId());
        }
        apply(new CommunityFounded(stamps.newId(), command.communityId(), command.memberId(), stamps.now(),
                name, purpose, Segments.normalise(command.segments()), command.openToExternal()));
    }

    @CommandHandler
    void handle(JoinCommunity command, Stamps stamps) {
        if (members.contains(command.memberId())) {
            throw new AlreadyAMember(command.memberId());
        }
        String purpose = Limits.optionalPurpose(command.purpose());
        if (!openToExternal && Segments.isExternal(command.segments())) {
            throw new StaffOnly(command.memberId());
        }
        apply(new MemberJoined(stamps.newId(), communityId, command.memberId(), stamps.now(), purpose,
                Segments.normalise(command.segments())));
        passLeadershipIfNone(command.memberId(), stamps);
    }

    @CommandHandler
    void handle(LeaveCommunity command, Stamps stamps) {
        if (!members.contains(command.memberId())) {
            throw new NotAMember(command.memberId());
        }
        apply(new MemberLeft(stamps.newId(), communityId, command.memberId(), stamps.now()));
        passLeadershipIfNone(command.memberId(), stamps);
    }

    /** 201 with {@link LeaderNamed}; naming a member who already leads changes nothing. */
    @CommandHandler
    void handle(NameLeader command, Stamps stamps) {
        requireLeader(command.memberId());
        String leaderId = Limits.memberId(command.leaderId());
        if (!members.contains(leaderId)) {
            throw new NotAMember(leaderId);
        }
        if (leaders.contains(leaderId)) {
            return;
        }
        apply(new LeaderNamed(stamps.newId(), communityId, command.memberId(), stamps.now(), leaderId,
                LeaderNamed.Reason.NAMED));
    }

    @CommandHandler
    void handle(RemoveLeader command, Stamps stamps) {
        requireLeader(command.memberId());
        String leaderId = Limits.memberId(command.leaderId());
        if (!leaders.contains(leaderId)) {
            throw new NotALeader(leaderId);
        }
        if (leaders.size() == 1) {
            throw new LastLeader(leaderId); // only a leader removing themselves gets here
        }
        apply(new LeaderRemoved(stamps.newId(), communityId, command.memberId(), stamps.now(), leaderId));
    }

    @CommandHandler
    void handle(RemoveMember command, Stamps stamps) {
        requireLeader(command.memberId());
        String removedId = Limits.memberId(command.removedId());
        if (removedId.equals(command.memberId())) {
            throw new RemovingOneself(removedId);
        }
        if (!members.contains(removedId)) {
            throw new NotAMember(removedId);
        }
        String reason = Limits.reason(command.reason());
        apply(new MemberRemoved(stamps.newId(), communityId, command.memberId(), stamps.now(), removedId, reason));
        passLeadershipIfNone(command.memberId(), stamps); // the actor still leads; kept for the rule's sake
    }

    private void requireLeader(String memberId) {
        if (!leaders.contains(memberId)) {
            throw new LeadersOnly(memberId);
        }
    }

    /**
     * Members but no leader after this command: the longest-standing member becomes leader — the longest-standing
     * member of the organization's staff when there is one (a partner or customer leads only a community whose
     * remaining members are all external).
     */
    private void passLeadershipIfNone(String actorId, Stamps stamps) {
        if (!leaders.isEmpty() || members.isEmpty()) {
            return;
        }
        List<String> bySeniority = Stream.concat(members.stream().filter(m -> !seniority.contains(m)).sorted(),
                seniority.stream().filter(members::contains)).toList();
        String successor = bySeniority.stream()
                .filter(m -> !Segments.isExternal(segments.getOrDefault(m, List.of())))
                .findFirst().orElse(bySeniority.get(0));
        apply(new LeaderNamed(stamps.newId(), communityId, actorId, stamps.now(), successor,
                LeaderNamed.Reason.SUCCESSION));
    }

    @CommandHandler
    void handle(StateCommunityPurpose command, Stamps stamps) {
        requireLeader(command.memberId());
        String purpose = Limits.purpose(command.purpose());
        noteSegments(command.memberId(), command.segments(), stamps);
        apply(new CommunityPurposeStated(stamps.newId(), communityId, command.memberId(), stamps.now(), purpose));
    }

    @CommandHandler
    void handle(StateMemberPurpose command, Stamps stamps) {
        if (!members.contains(command.memberId())) {
            throw new MembersOnly(command.memberId());
        }
        String purpose = Limits.purpose(command.purpose());
        noteSegments(command.memberId(), command.segments(), stamps);
        apply(new MemberPurposeStated(stamps.newId(), communityId, command.memberId(), stamps.now(), purpose));
    }

    @CommandHandler
    void handle(RecordOutcome command, CommandLookup lookup, Stamps stamps) {
        requireLeader(command.memberId());
        String description = Limits.outcomeDescription(command.description());
        BigDecimal value = Limits.outcomeValue(command.value());
        List<UUID> requested = command.contributionIds() == null ? List.of() : command.contributionIds();
        for (int i = 0; i < requested.size(); i++) {
            if (requested.get(i) == null) {
                throw new InvalidInput("contributionIds[" + i + "]", "contributionIds must not contain null");
            }
        }
        List<UUID> contributionIds = new ArrayList<>(new LinkedHashSet<>(requested));
        Set<String> contributors = new LinkedHashSet<>();
        for (UUID contributionId : contributionIds) {
            ContributionFacts contribution = lookup.contribution(contributionId)
                    .filter(facts -> facts.communityId().equals(communityId))
                    .orElseThrow(() -> new InvalidInput("contributionIds[" + requested.indexOf(contributionId) + "]",
                            "Contribution " + contributionId + " is not in this community"));
            if (contribution.withdrawn()) {
                throw new WithdrawnContribution(contributionId);
            }
            contributors.add(contribution.authorId());
        }
        noteSegments(command.memberId(), command.segments(), stamps);
        apply(new OutcomeRecorded(stamps.newId(), communityId, command.memberId(), stamps.now(), command.outcomeId(),
                description, value, contributionIds, List.copyOf(contributors)));
    }

    /**
     * Records a member's segments before their act when the directory's differ from the last recorded ones
     * ({@code null}, or none known: the directory said nothing, so nothing is compared).
     */
    private void noteSegments(String memberId, Collection<String> directory, Stamps stamps) {
        List<String> now = Segments.normalise(directory);
        if (!now.isEmpty() && !now.equals(segments.getOrDefault(memberId, List.of()))) {
            apply(new MemberSegmentsChanged(stamps.newId(), communityId, memberId, stamps.now(), now));
        }
    }

    @EventSourcingHandler
    void on(CommunityFounded event) {
        communityId = event.communityId();
        openToExternal = event.openToExternal();
        members.add(event.actorId());
        leaders.add(event.actorId());
        seniority.add(event.actorId());
        segments.put(event.actorId(), event.founderSegments());
    }

    @EventSourcingHandler
    void on(MemberJoined event) {
        members.add(event.actorId());
        seniority.remove(event.actorId());
        seniority.add(event.actorId());
        segments.put(event.actorId(), event.segments());
    }

    @EventSourcingHandler
    void on(MemberSegmentsChanged event) {
        segments.put(event.actorId(), event.segments());
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        gone(event.actorId());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        gone(event.memberId());
    }

    @EventSourcingHandler
    void on(LeaderNamed event) {
        leaders.add(event.memberId());
    }

    @EventSourcingHandler
    void on(LeaderRemoved event) {
        leaders.remove(event.memberId());
    }

    private void gone(String memberId) {
        members.remove(memberId);
        leaders.remove(memberId);
        seniority.remove(memberId);
        segments.remove(memberId);
    }
}
