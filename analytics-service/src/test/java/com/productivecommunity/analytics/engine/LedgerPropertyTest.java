package com.productivecommunity.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.CommunityEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * For random histories: every member's figures are the sum of their ledger, every community's figures the
 * sum over its members and outcomes, and replaying from scratch gives the same. Applied in batches of varying
 * sizes the way the database store works — each batch on a fresh rule state and tally loaded with what the
 * earlier batches saved, only what the batch added or changed saved back — gives exactly what one-by-one
 * application gives. (The same through PostgreSQL: {@code LedgerStoreIntegrationTest}.)
 */
class LedgerPropertyTest {

    @Test
    void figuresAreLedgerSumsAndReplaysAreDeterministic() {
        figuresAreLedgerSumsAndReplaysAreDeterministic(new Random(20261126L), false);
    }

    /** Issue 17: retractions, hidings and edits mixed in; a withdrawal's reversal is as deterministic. */
    @Test
    void withWithdrawalsFiguresAreStillLedgerSumsAndReplaysDeterministic() {
        figuresAreLedgerSumsAndReplaysAreDeterministic(new Random(20261204L), true);
    }

    @Test
    void withWithdrawalsBatchesOfAnySizeGiveWhatOneByOneApplicationGives() {
        batchesGiveWhatOneByOneApplicationGives(new Random(20261205L), true);
    }

    private static void figuresAreLedgerSumsAndReplaysAreDeterministic(Random random, boolean withdrawals) {
        for (int run = 0; run < 200; run++) {
            List<CommunityEvent> history = RandomHistory.generate(random, 20 + random.nextInt(120), withdrawals);
            Replay first = replayOnce(history);
            assertFiguresAreLedgerSums(first, "run " + run);

            Replay second = replayOnce(history);
            assertThat(second.ledger).as("run %d ledger", run).isEqualTo(first.ledger);
            assertThat(second.tally.members()).as("run %d members", run).isEqualTo(first.tally.members());
            assertThat(second.tally.days()).as("run %d days", run).isEqualTo(first.tally.days());
        }
    }

    @Test
    void batchesOfAnySizeOnFreshlyLoadedStateGiveWhatOneByOneApplicationGives() {
        batchesGiveWhatOneByOneApplicationGives(new Random(20261203L), false);
    }

    private static void batchesGiveWhatOneByOneApplicationGives(Random random, boolean withdrawals) {
        for (int run = 0; run < 200; run++) {
            List<CommunityEvent> history = distinct(RandomHistory.generate(random, 20 + random.nextInt(120),
                    withdrawals));
            Replay oneByOne = new Replay().apply(history);

            Saved saved = new Saved();
            List<Integer> sizes = new ArrayList<>();
            for (int from = 0; from < history.size(); ) {
                // mostly small batches, sometimes one that takes the rest of the history
                int size = random.nextInt(8) == 0 ? history.size() - from : 1 + random.nextInt(12);
                int to = Math.min(history.size(), from + size);
                saved.applyBatch(history.subList(from, to));
                sizes.add(to - from);
                from = to;
            }

            String label = "run " + run + ", batches " + sizes;
            assertThat(saved.ledger).as(label + " ledger").isEqualTo(oneByOne.ledger);
            assertThat(saved.members).as(label + " members").isEqualTo(oneByOne.tally.members());
            assertThat(saved.days).as(label + " days").isEqualTo(oneByOne.tally.days());
            saved.communities.forEach((key, figures) -> assertThat(figures).as(label + " " + key)
                    .isEqualTo(oneByOne.tally.community(key)));
        }
    }

    /**
     * What the database store keeps between batches, in memory: the rule state's facts, the figures, the days and
     * the ledger. A batch never sees the objects an earlier batch worked on, only what it saved.
     */
    private static final class Saved {
        final Map<UUID, ContributionFacts> contributions = new HashMap<>();
        final Set<MemoryRuleState.View> views = new HashSet<>();
        final Set<MemoryRuleState.Reaction> reactions = new HashSet<>();
        final Set<UUID> solvedQuestions = new HashSet<>();
        final Set<UUID> acceptedAnswers = new HashSet<>();
        final Set<UUID> withdrawn = new HashSet<>();
        final Map<Tally.MemberKey, MemberFigures> members = new HashMap<>();
        final Map<Tally.CommunityKey, CommunityFigures> communities = new HashMap<>();
        final Map<Tally.CommunityKey, java.time.LocalDate> lastDays = new HashMap<>();
        final Map<Tally.DayKey, CommunityFigures> days = new HashMap<>();
        final List<LedgerEntry> ledger = new ArrayList<>();
        final ValueEngine engine = new ValueEngine(List.of(Replay.V1));
        final List<String> models = List.of(Replay.V1.name());

        void applyBatch(List<CommunityEvent> batch) {
            MemoryRuleState state = new MemoryRuleState();
            contributions.values().forEach(state::loadContribution);
            views.forEach(state::loadView);
            reactions.forEach(state::loadReaction);
            solvedQuestions.forEach(state::loadSolvedQuestion);
            acceptedAnswers.forEach(state::loadAcceptedAnswer);
            withdrawn.forEach(state::loadWithdrawn);
            Tally tally = new Tally();
            members.forEach(tally::loadMember);
            communities.forEach((key, figures) -> tally.loadCommunity(key, figures, lastDays.get(key)));

            for (CommunityEvent event : batch) {
                List<LedgerEntry> entries = engine.apply(event, state);
                ledger.addAll(entries);
                tally.record(event.communityId(), event.occurredAt(), entries, models);
            }

            MemoryRuleState.Added added = state.added();
            added.contributions().forEach(c -> contributions.putIfAbsent(c.contributionId(), c));
            views.addAll(added.views());
            reactions.addAll(added.reactions());
            solvedQuestions.addAll(added.solvedQuestions());
            acceptedAnswers.addAll(added.acceptedAnswers());
            withdrawn.addAll(added.withdrawn());
            tally.changedMembers().forEach(key -> members.put(key, tally.member(key)));
            tally.changedCommunities().forEach(key -> {
                communities.put(key, tally.community(key));
                lastDays.put(key, tally.lastDay(key));
            });
            days.putAll(tally.days());
        }
    }

    private static List<CommunityEvent> distinct(List<CommunityEvent> history) {
        Set<UUID> seen = new HashSet<>();
        return history.stream().filter(event -> seen.add(event.eventId())).toList();
    }

    /** Applies each distinct event once, as the projection does after removing redeliveries. */
    private static Replay replayOnce(List<CommunityEvent> history) {
        Replay replay = new Replay();
        Set<UUID> seen = new HashSet<>();
        List<CommunityEvent> distinct = new ArrayList<>();
        for (CommunityEvent event : history) {
            if (seen.add(event.eventId())) {
                distinct.add(event);
            }
        }
        return replay.apply(distinct);
    }

    private static void assertFiguresAreLedgerSums(Replay replay, String run) {
        Map<Tally.MemberKey, BigDecimal[]> sums = new HashMap<>();
        Map<UUID, BigDecimal> organization = new HashMap<>();
        for (LedgerEntry entry : replay.ledger) {
            BigDecimal[] sum = sums.computeIfAbsent(
                    new Tally.MemberKey(entry.model(), entry.communityId(), entry.memberId()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(entry.contribution());
            sum[1] = sum[1].add(entry.benefit());
            organization.merge(entry.communityId(), entry.organizationBenefit(), BigDecimal::add);
        }
        sums.forEach((key, sum) -> {
            MemberFigures figures = replay.tally.member(key);
            assertThat(figures.contribution()).as(run + " " + key).isEqualByComparingTo(sum[0]);
            assertThat(figures.benefit()).as(run + " " + key).isEqualByComparingTo(sum[1]);
        });
        replay.tally.members().forEach((key, figures) -> {
            if (figures.active()) {
                assertThat(sums).as(run + " " + key + " has ledger entries").containsKey(key);
            }
        });
        organization.forEach((community, total) -> {
            CommunityFigures figures = replay.community(community);
            assertThat(figures.organizationBenefit()).as(run).isEqualByComparingTo(total);
            List<MemberFigures> members = replay.tally.members().entrySet().stream()
                    .filter(e -> e.getKey().communityId().equals(community)).map(Map.Entry::getValue).toList();
            assertThat(figures.activeMembers()).as(run)
                    .isEqualTo((int) members.stream().filter(MemberFigures::active).count());
            assertThat(figures.membersBenefitingMore()).as(run)
                    .isEqualTo((int) members.stream().filter(MemberFigures::benefitingMore).count());
            assertThat(figures.contribution()).as(run).isEqualByComparingTo(
                    members.stream().map(MemberFigures::contribution).reduce(BigDecimal.ZERO, BigDecimal::add));
        });
    }
}
