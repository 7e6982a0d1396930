package com.productivecommunity.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which models of a lane an event counts for: a model stopping at an instant counts the events that occurred at or
 * before it (inclusive, as the reads' asOf), whatever order they arrive in; a model without until counts every event.
 */
class ModelLanesTest {

    @Test
    void aModelUpToAnInstantCountsTheEventsAtOrBeforeIt() {
        Instant until = Instant.parse("2026-09-30T23:59:59Z");
        Events e = new Events().at(until.minusSeconds(3));
        ContributionPosted question = e.posted("alice", ContributionKind.QUESTION); // until - 2 s
        CommunityEvent before = e.viewed("bob", question);                          // until - 1 s
        CommunityEvent at = e.answer("bob", question);                              // until
        CommunityEvent justAfter = e.at(until.minusSeconds(1).plusNanos(1_000)).posted("carol", ContributionKind.IDEA);
        CommunityEvent late = e.answer("carol", question);
        CommunityEvent earlyButDeliveredLate = new Events(e.communityId, until.minusSeconds(60))
                .posted("dave", ContributionKind.POST);
        assertThat(at.occurredAt()).isEqualTo(until);
        assertThat(justAfter.occurredAt()).isEqualTo(until.plusNanos(1_000));

        List<CommunityEvent> batch = List.of(question, before, at, justAfter, late, earlyButDeliveredLate);
        assertThat(batch.stream().filter(ev -> ModelLanes.counts(until, ev.occurredAt())).toList())
                .containsExactly(question, before, at, earlyButDeliveredLate);
        assertThat(batch.stream().filter(ev -> ModelLanes.counts(null, ev.occurredAt())).toList()).isEqualTo(batch);
        assertThat(batch.stream().filter(ev -> ModelLanes.counts(until.minusSeconds(30), ev.occurredAt())).toList())
                .containsExactly(earlyButDeliveredLate);

        // In a shared lane: each model by its own until, in the lane's order; no untils: every model.
        List<String> models = List.of("v2", "q3", "q2");
        Map<String, Instant> untils = Map.of("q3", until, "q2", until.minusSeconds(30));
        assertThat(ModelLanes.countingFor(models, untils, at.occurredAt())).containsExactly("v2", "q3");
        assertThat(ModelLanes.countingFor(models, untils, justAfter.occurredAt())).containsExactly("v2");
        assertThat(ModelLanes.countingFor(models, untils, earlyButDeliveredLate.occurredAt()))
                .containsExactly("v2", "q3", "q2");
        assertThat(ModelLanes.countingFor(models, Map.of(), late.occurredAt())).isEqualTo(models);
    }
}
