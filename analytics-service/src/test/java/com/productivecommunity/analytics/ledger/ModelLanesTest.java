package com.productivecommunity.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.analytics.engine.Events;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a lane stopping at an instant applies of a batch: the events that occurred at or before it, in order. */
class ModelLanesTest {

    @Test
    void aLaneUpToAnInstantAppliesTheEventsAtOrBeforeItInTheirOrder() {
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
        assertThat(ModelLanes.upTo(batch, until)).containsExactly(question, before, at, earlyButDeliveredLate);
        assertThat(ModelLanes.upTo(batch, null)).isEqualTo(batch);
        assertThat(ModelLanes.upTo(batch, until.minusSeconds(30))).containsExactly(earlyButDeliveredLate);
        assertThat(ModelLanes.upTo(List.of(justAfter, late), until)).isEmpty();
    }
}
