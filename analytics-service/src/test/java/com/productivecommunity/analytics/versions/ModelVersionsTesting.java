package com.productivecommunity.analytics.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.support.projection.EventPosition;
import com.productivecommunity.support.projection.ProjectionPositions;
import com.productivecommunity.support.projection.TestEventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the model-version integration tests share besides their HTTP calls ({@link ModelsHttp}). */
final class ModelVersionsTesting {

    /** v1's weights (value-models/v1.json). */
    static final String V1_WEIGHTS = """
            {"QUESTION_POSTED":1,"ANSWER_POSTED":3,"POST_POSTED":2,"IDEA_POSTED":2,"ANSWER_RECEIVED":2,
             "CONTRIBUTION_VIEWED":0.2,"LIKE_RECEIVED":0.5,"THANKS_RECEIVED":1,"THANKS_GIVEN":1,
             "USEFUL_RECEIVED":0.5,"USEFUL_GIVEN":1,"ANSWER_ACCEPTED_BY_QUESTION_AUTHOR":5,
             "ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR":3,"OUTCOME_LINKED_AUTHOR":2,"OUTCOME_RECORDED":1}""";
    /** The v2: answers cost more, accepted answers are worth more, views nothing. */
    static final String V2_WEIGHTS = """
            {"QUESTION_POSTED":1,"ANSWER_POSTED":10,"POST_POSTED":2,"IDEA_POSTED":2,"ANSWER_RECEIVED":2,
             "CONTRIBUTION_VIEWED":0,"LIKE_RECEIVED":0.5,"THANKS_RECEIVED":1,"THANKS_GIVEN":1,
             "USEFUL_RECEIVED":0.5,"USEFUL_GIVEN":1,"ANSWER_ACCEPTED_BY_QUESTION_AUTHOR":10,
             "ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR":3,"OUTCOME_LINKED_AUTHOR":2,"OUTCOME_RECORDED":1}""";

    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private ModelVersionsTesting() {
    }

    /** A model's ledger entries of events that occurred at or before {@code until} (null: all), in a fixed order. */
    static List<Map<String, Object>> ledger(JdbcTemplate jdbc, String model, Instant until) {
        return jdbc.queryForList("SELECT event_id, event_type, occurred_at, community_id, member_id, signal,"
                + " contribution, benefit, organization_benefit, reason, contribution_id FROM ledger_entry"
                + " WHERE model = ? AND occurred_at <= ? ORDER BY event_id, member_id, signal", model,
                (until == null ? LATEST : until).atOffset(ZoneOffset.UTC));
    }

    /** The events a model's ledger has entries of, that occurred at or before {@code until} (null: all). */
    static List<String> eventIds(JdbcTemplate jdbc, String model, Instant until) {
        return jdbc.queryForList("SELECT DISTINCT event_id::text FROM ledger_entry WHERE model = ? AND occurred_at <= ?",
                String.class, model, (until == null ? LATEST : until).atOffset(ZoneOffset.UTC));
    }

    /** Publishes the events and waits until the projections have applied the last event of each aggregate. */
    static void deliver(TestEventPublisher publisher, ProjectionPositions positions, List<CommunityEvent> events,
                        Duration wait) throws InterruptedException {
        Map<String, EventPosition> last = new LinkedHashMap<>();
        for (EventEnvelope envelope : publisher.publishAll(events)) {
            last.put(envelope.aggregateId(), new EventPosition(envelope.aggregateId(), envelope.sequence()));
        }
        assertThat(positions.awaitApplied(List.copyOf(last.values()), wait)).isTrue();
    }
}
