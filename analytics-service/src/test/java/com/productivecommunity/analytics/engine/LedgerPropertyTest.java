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
 * sum over its members and outcomes, and replaying from scratch (in one go or in batches) gives the same.
 */
class LedgerPropertyTest {

    @Test
    void figuresAreLedgerSumsAndReplaysAreDeterministic() {
        Random random = new Random(20261126L);
        for (int run = 0; run < 200; run++) {
            List<CommunityEvent> history = RandomHistory.generate(random, 20 + random.nextInt(120));
            Replay first = replayOnce(history);
            assertFiguresAreLedgerSums(first, "run " + run);

            Replay second = replayOnce(history);
            assertThat(second.ledger).as("run %d ledger", run).isEqualTo(first.ledger);
            assertThat(second.tally.members()).as("run %d members", run).isEqualTo(first.tally.members());
            assertThat(second.tally.days()).as("run %d days", run).isEqualTo(first.tally.days());
        }
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
