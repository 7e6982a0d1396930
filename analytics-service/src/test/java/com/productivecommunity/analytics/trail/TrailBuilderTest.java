package com.productivecommunity.analytics.trail;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.analytics.engine.LedgerEntry;
import com.productivecommunity.analytics.engine.RandomHistory;
import com.productivecommunity.analytics.engine.Replay;
import com.productivecommunity.analytics.engine.Verdict;
import com.productivecommunity.analytics.trail.TrailEvent.Change;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The trail as plain objects: the worked example's flips, and random histories against the engine's tally. */
class TrailBuilderTest {

    @Test
    void theVerdictFlipsAtTheOutcomeAndBackWhenTooManyMembersContributeWithoutBenefit() {
        Events e = new Events();
        List<CommunityEvent> history = new ArrayList<>(List.of(e.founded("carol"), e.joined("alice", null),
                e.joined("bob", null)));
        ContributionPosted question = add(history, e.posted("alice", ContributionKind.QUESTION));
        ContributionPosted answer = add(history, e.answer("bob", question));
        history.add(e.viewed("alice", answer));
        history.add(e.reacted("alice", answer, ReactionKind.THANKS));
        history.add(e.reacted("bob", question, ReactionKind.LIKE));
        history.add(e.accepted(question, answer));
        OutcomeRecorded outcome = add(history, e.outcome("carol", "12", answer));
        add(history, e.posted("frank", ContributionKind.IDEA));
        ContributionPosted post = add(history, e.posted("grace", ContributionKind.POST));
        ContributionPosted carols = add(history, e.posted("carol", ContributionKind.QUESTION));
        List<TrailEvent> trail = trail(new Replay().apply(history).ledger, e.communityId);

        // Founding and joining award nothing: no trail entry. Alice's question makes her active (not benefiting).
        assertThat(trail.get(0).eventId()).isEqualTo(question.eventId());
        assertThat(trail.get(0).changes()).containsExactly(new Change("activeMembers", 0, 1));
        List<TrailEvent> flips = trail.stream().filter(TrailEvent::verdictFlipped).toList();
        assertThat(flips).extracting(TrailEvent::eventId).containsExactly(outcome.eventId(), carols.eventId());

        TrailEvent up = flips.get(0);
        assertThat(up.eventType()).isEqualTo("OutcomeRecorded");
        assertThat(up.changes()).containsExactly(new Change("organizationBenefit", BigDecimal.ZERO, new BigDecimal("12")),
                new Change("productive", false, true));
        assertThat(up.members()).containsExactlyInAnyOrder("carol", "bob");
        // Grace's post makes 2 of 4 benefit more: exactly the threshold, still productive.
        TrailEvent atThreshold = trail.stream().filter(t -> t.eventId().equals(post.eventId())).findFirst().orElseThrow();
        assertThat(atThreshold.verdictFlipped()).isFalse();
        assertThat(atThreshold.figures().shareBenefitingMore()).isEqualByComparingTo("0.5");

        TrailEvent down = flips.get(1);
        assertThat(down.changes()).containsExactly(new Change("activeMembers", 4, 5),
                new Change("shareBenefitingMore", new BigDecimal("0.5"), new BigDecimal("0.4")),
                new Change("productive", true, false));
        assertThat(down.memberChanges()).singleElement().satisfies(m -> {
            assertThat(m.memberId()).isEqualTo("carol");
            assertThat(m.contributionBefore()).isEqualByComparingTo("0");
            assertThat(m.contributionAfter()).isEqualByComparingTo("1");
            assertThat(m.benefitingMoreAfter()).isFalse();
        });
    }

    @Test
    void everyEntryChainsToTheNextAndTheLastEqualsTheEnginesFigures() {
        Random random = new Random(14);
        for (int run = 0; run < 100; run++) {
            List<CommunityEvent> history = RandomHistory.generate(random, 20 + random.nextInt(120));
            Replay replay = new Replay().apply(history);
            Set<UUID> communities = new HashSet<>();
            history.forEach(event -> communities.add(event.communityId()));
            for (UUID community : communities) {
                List<TrailEvent> trail = trail(replay.ledger, community);
                CommunityFigureValues previous = CommunityFigureValues.of(CommunityFigures.ZERO, new BigDecimal("0.5"));
                for (TrailEvent event : trail) {
                    assertThat(event.changes()).isNotEmpty();
                    for (Change change : event.changes()) {
                        assertThat(CommunityFigureValues.same(previous.value(change.figure()), change.before())).isTrue();
                        assertThat(CommunityFigureValues.same(event.figures().value(change.figure()), change.after()))
                                .isTrue();
                    }
                    for (String name : CommunityFigureValues.NAMES) {
                        if (!event.changed(name)) {
                            assertThat(CommunityFigureValues.same(previous.value(name), event.figures().value(name)))
                                    .isTrue();
                        }
                    }
                    assertThat(event.verdictFlipped()).isEqualTo(previous.productive() != event.figures().productive());
                    previous = event.figures();
                }
                CommunityFigures tally = replay.tally.community(
                        new com.productivecommunity.analytics.engine.Tally.CommunityKey("v1", community));
                CommunityFigureValues expected = CommunityFigureValues.of(tally == null ? CommunityFigures.ZERO : tally,
                        Replay.V1.productiveShareThreshold());
                assertThat(previous).usingRecursiveComparison()
                        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expected);
                Verdict verdict = Verdict.of(tally == null ? CommunityFigures.ZERO : tally, new BigDecimal("0.5"));
                assertThat(previous.productive()).isEqualTo(verdict.productive());
            }
        }
    }

    private static <T extends CommunityEvent> T add(List<CommunityEvent> history, T event) {
        history.add(event);
        return event;
    }

    static List<TrailEvent> trail(List<LedgerEntry> ledger, UUID communityId) {
        List<TrailEvent> trail = new ArrayList<>();
        TrailBuilder builder = new TrailBuilder(Replay.V1.productiveShareThreshold(), trail::add);
        long id = 0;
        for (LedgerEntry entry : ledger) {
            if (entry.communityId().equals(communityId)) {
                builder.accept(new LedgerRow(++id, entry.eventId(), entry.eventType(), entry.occurredAt(),
                        entry.memberId(), entry.signal().name(), entry.contribution(), entry.benefit(),
                        entry.organizationBenefit(), entry.reason(), entry.contributionId()));
            }
        }
        builder.finish();
        return trail;
    }
}
