package com.productivecommunity.support.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.support.web.ConflictException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * A projection never stops for one event: each kind of record that cannot be applied is parked with what is
 * known of it, later events of its aggregate (and of aggregates referring to it) are parked behind it, every
 * other aggregate goes on, and what was held is released in order once the record is applied or skipped.
 */
class ParkingIntegrationTest extends MachineryTestSupport {

    @BeforeAll
    static void startBrokerAndDatabase() {
        startBrokerAndDatabase("support_parking");
    }

    @AfterAll
    static void stop() {
        stopBroker();
    }

    @Test
    void anUndecodableRecordIsParkedUnderItsKeyAndOnlyThatAggregateWaits() {
        UUID held = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID contribution = UUID.randomUUID();
        publisher().publish(founded(held));
        publisher.send(held.toString(), "not json at all \u0000".getBytes(StandardCharsets.UTF_8));
        publisher.publish(joined(held, "alice"));
        publisher.publish(question(held, contribution, "alice"));
        publisher.publishAll(List.of(founded(other), joined(other, "bob")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingProjection projection = new RecordingProjection("undecodable-" + UUID.randomUUID());
        ProjectionAdmin admin = admin(properties(), meters, projection);

        eventually(() -> storedOffsetSum(projection.name()) == 6);

        assertThat(parked(projection.name())).containsExactly("UNDECODABLE key=" + held + ":?", "BEHIND " + held + ":1");
        assertThat(recorded(projection.name())).containsExactlyInAnyOrder(held + ":0", contribution + ":0",
                other + ":0", other + ":1");
        Map<String, Object> row = parkedRows(projection.name()).get(0);
        assertThat(row).containsEntry("hold_key", held.toString()).containsEntry("record_key", held.toString());
        assertThat((String) row.get("error_message")).startsWith("Not an event envelope");
        assertThat((byte[]) row.get("value")).isEqualTo("not json at all \u0000".getBytes(StandardCharsets.UTF_8));
        assertThat(meters.counter("projection.events.parked", "projection", projection.name()).count()).isEqualTo(2);
        eventually(() -> meters.get("projection.parked").tag("projection", projection.name()).gauge().value() == 2);
        ProjectionHealthIndicator health = new ProjectionHealthIndicator(admin.runner(projection.name()), properties());
        eventually(() -> health.health().getStatus().equals(ProjectionHealthIndicator.DEGRADED));
        assertThat(health.health().getDetails()).containsEntry("parkedEvents", 2L);

        long id = parkedId(projection.name(), "UNDECODABLE");
        admin.parked().skip(projection.name(), id, "dana", "garbage from a test producer");

        assertThat(recordedOf(projection.name(), held)).containsExactly(held + ":0", held + ":1");
        assertThat(parked(projection.name())).isEmpty();
        assertThat(admin.parked().actions(projection.name(), Long.MAX_VALUE, 10)).singleElement().satisfies(action -> {
            assertThat(action.action()).isEqualTo("SKIP");
            assertThat(action.actor()).isEqualTo("dana");
            assertThat(action.reason()).isEqualTo("garbage from a test producer");
            assertThat(action.parkedId()).isEqualTo(id);
            assertThat(action.outcome()).contains("skipped").contains("released 1");
        });
        eventually(() -> health.health().getStatus().equals(Status.UP));
    }

    @Test
    void jsonThatIsNotAnEnvelopeIsParkedUnderTheAggregateItNames() {
        UUID community = UUID.randomUUID();
        publisher().publish(founded(community));
        publisher.send(community.toString(), ("{\"aggregateId\":\"" + community + "\",\"sequence\":1,\"type\":"
                + "\"MemberJoined\"}").getBytes(StandardCharsets.UTF_8));
        RecordingProjection projection = new RecordingProjection("not-envelope-" + UUID.randomUUID());
        admin(properties(), null, projection);

        eventually(() -> storedOffsetSum(projection.name()) == 2);

        assertThat(parked(projection.name())).containsExactly("UNDECODABLE " + community + ":1");
        assertThat(parkedRows(projection.name()).get(0)).containsEntry("event_type", "MemberJoined")
                .containsEntry("hold_key", community.toString());
    }

    @Test
    void anEventOfAnUnknownTypeHoldsItsAggregateUntilSkipped() {
        UUID community = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        publisher().publish(founded(community));
        EventEnvelope promoted = renamed(publisher.envelope(joined(community, "alice")), "MemberPromoted", 1);
        publisher.publish(promoted);
        publisher.publish(joined(community, "bob"));
        publisher.publishAll(List.of(founded(other), joined(other, "carol")));
        RecordingProjection projection = new RecordingProjection("unknown-" + UUID.randomUUID());
        ProjectionAdmin admin = admin(properties(), null, projection);

        eventually(() -> storedOffsetSum(projection.name()) == 5);

        assertThat(parked(projection.name())).containsExactly("UNKNOWN_TYPE " + community + ":1",
                "BEHIND " + community + ":2");
        assertThat(parkedRows(projection.name()).get(0)).containsEntry("event_type", "MemberPromoted")
                .containsEntry("event_id", promoted.eventId()).containsEntry("schema_version", 1);
        assertThat(recorded(projection.name())).containsExactlyInAnyOrder(community + ":0", other + ":0", other + ":1");

        long id = parkedId(projection.name(), "UNKNOWN_TYPE");
        ParkedEvents.ActionResult retried = admin.parked().retry(projection.name(), id, "dana", "new release?");
        assertThat(retried.parked().state()).isEqualTo(ParkState.PARKED);
        assertThat(retried.parked().attempts()).isEqualTo(2);
        assertThat(retried.action().outcome()).startsWith("still parked (UNKNOWN_TYPE)");
        assertThatThrownBy(() -> admin.parked().skip(projection.name(), parkedId(projection.name(), "BEHIND"), "dana",
                "no")).isInstanceOf(ConflictException.class);

        admin.parked().skip(projection.name(), id, "dana", "a type this version will never know");
        assertThat(recordedOf(projection.name(), community)).containsExactly(community + ":0", community + ":2");
        assertThat(admin.parked().actions(projection.name(), Long.MAX_VALUE, 10)).extracting(ProjectionAction::action)
                .containsExactly("SKIP", "RETRY");
    }

    @Test
    void aSchemaVersionHigherThanKnownIsRefusedNotReadWithItsNewFieldsIgnored() {
        UUID community = UUID.randomUUID();
        publisher().publish(founded(community));
        publisher.publish(renamed(publisher.envelope(joined(community, "alice")), "MemberJoined", 3));
        RecordingProjection projection = new RecordingProjection("version-" + UUID.randomUUID());
        admin(properties(), null, projection);

        eventually(() -> storedOffsetSum(projection.name()) == 2);

        assertThat(parked(projection.name())).containsExactly("UNSUPPORTED_VERSION " + community + ":1");
        assertThat(parkedRows(projection.name()).get(0).get("error_message").toString())
                .contains("schemaVersion 3").contains("versions 1 to 2");
        assertThat(recorded(projection.name())).containsExactly(community + ":0");
    }

    @Test
    void anEventWhoseHandlerThrowsIsParkedAfterRetriesWithWhatRefersToItAndReleasedInOrderAfterAFix() {
        UUID community = UUID.randomUUID();
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        UUID unrelated = UUID.randomUUID();
        List<CommunityEvent> healthy = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            healthy.add(founded(UUID.randomUUID()));
        }
        CommunityEvent poisoned = question(community, question, "alice");
        RecordingProjection projection = new RecordingProjection("throws-" + UUID.randomUUID());
        projection.poison.add(poisoned.eventId());
        List<CommunityEvent> events = new ArrayList<>(healthy.subList(0, 30));
        events.addAll(List.of(founded(community), poisoned, liked(community, question, "bob", "alice"),
                answer(community, answer, "bob", question, "alice"), liked(community, answer, "alice", "bob"),
                question(community, unrelated, "carol")));
        events.addAll(healthy.subList(30, 60));
        publisher().publishAll(events);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ProjectionProperties properties = properties();
        properties.setConcurrency(1);
        ProjectionAdmin admin = admin(properties, meters, projection);

        eventually(() -> storedOffsetSum(projection.name()) == events.size());

        assertThat(parked(projection.name())).containsExactly("FAILED " + question + ":0", "BEHIND " + question + ":1",
                "BEHIND " + answer + ":0", "BEHIND " + answer + ":1");
        Map<String, Object> failed = parkedRows(projection.name()).get(0);
        assertThat(failed.get("error_message").toString()).contains("cannot apply " + poisoned.eventId());
        assertThat(failed.get("error_stack").toString()).contains("IllegalStateException")
                .contains("RecordingProjection.apply");
        assertThat(parkedRows(projection.name()).get(2)).containsEntry("waiting_for", question.toString());
        assertThat(recorded(projection.name())).hasSize(62).contains(community + ":0", unrelated + ":0");
        // Healthy events went in chunks, not one per call: a search by halving, plus the poison's own attempts.
        assertThat(projection.calls.get()).isLessThan(30);
        assertThat(meters.counter("projection.events.parked", "projection", projection.name()).count()).isEqualTo(4);

        projection.poison.clear(); // the fix is deployed
        ParkedEvents.ActionResult result = admin.parked().retryAll(projection.name(), "dana", "fixed in 1.2.1");

        assertThat(result.applied()).isEqualTo(4);
        assertThat(parked(projection.name())).isEmpty();
        List<String> released = recorded(projection.name()).subList(62, 66);
        assertThat(released).containsExactly(question + ":0", question + ":1", answer + ":0", answer + ":1");
        assertThat(admin.parked().actions(projection.name(), Long.MAX_VALUE, 10)).singleElement()
                .satisfies(action -> assertThat(action.outcome()).isEqualTo("applied 4, still parked 0"));

        publisher.publish(liked(community, question, "carol", "alice")); // the aggregate goes on live
        eventually(() -> recordedOf(projection.name(), question).size() == 3);
    }

    @Test
    void aSequenceGapHoldsTheAggregateUntilTheMissingEventArrivesLate() {
        UUID community = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        publisher().publish(founded(community));
        EventEnvelope late = publisher.envelope(joined(community, "alice")); // committed late upstream
        publisher.publish(joined(community, "bob"));
        publisher.publish(joined(community, "carol"));
        publisher.publishAll(List.of(founded(other), joined(other, "dana")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingProjection projection = new RecordingProjection("gap-" + UUID.randomUUID());
        admin(properties(), meters, projection);

        eventually(() -> storedOffsetSum(projection.name()) == 5);

        assertThat(parked(projection.name())).containsExactly("GAP " + community + ":2", "BEHIND " + community + ":3");
        assertThat(parkedRows(projection.name()).get(0)).containsEntry("missing_sequence", 1L)
                .containsEntry("waiting_for", community + ":1");
        assertThat(recorded(projection.name())).containsExactlyInAnyOrder(community + ":0", other + ":0", other + ":1");
        assertThat(meters.counter("projection.sequence.gaps", "projection", projection.name()).count()).isEqualTo(1);

        publisher.publish(late);
        eventually(() -> storedOffsetSum(projection.name()) == 6);

        assertThat(recordedOf(projection.name(), community)).containsExactly(community + ":0", community + ":1",
                community + ":2", community + ":3");
        assertThat(parked(projection.name())).isEmpty();
        assertThat(parkedRows(projection.name())).extracting(r -> r.get("state")).containsOnly("APPLIED");
    }

    @Test
    void anOperatorSkipsAGapAndTheHeldEventsApplyInOrderWhileTheMissingOneIsThenARedelivery() {
        UUID community = UUID.randomUUID();
        publisher().publish(founded(community));
        EventEnvelope lost = publisher.envelope(joined(community, "alice"));
        publisher.publish(joined(community, "bob"));
        publisher.publish(joined(community, "carol"));
        RecordingProjection projection = new RecordingProjection("skip-gap-" + UUID.randomUUID());
        ProjectionAdmin admin = admin(properties(), null, projection);
        eventually(() -> parked(projection.name()).size() == 2);

        ParkedEvents.ActionResult skipped = admin.parked().skip(projection.name(), parkedId(projection.name(), "GAP"),
                "dana", "sequence 1 was lost upstream");

        assertThat(skipped.action().action()).isEqualTo("SKIP_GAP");
        assertThat(skipped.parked().state()).isEqualTo(ParkState.APPLIED);
        assertThat(recordedOf(projection.name(), community)).containsExactly(community + ":0", community + ":2",
                community + ":3");
        publisher.publish(lost);
        eventually(() -> storedOffsetSum(projection.name()) == 4);
        assertThat(recordedOf(projection.name(), community)).hasSize(3);
        assertThat(parked(projection.name())).isEmpty();
    }

    @Test
    void aRedeliveryOfAParkedEventIsNotParkedTwice() {
        UUID community = UUID.randomUUID();
        publisher().publish(founded(community));
        EventEnvelope unknown = renamed(publisher.envelope(joined(community, "alice")), "MemberPromoted", 1);
        publisher.publish(unknown);
        publisher.publish(unknown);
        RecordingProjection projection = new RecordingProjection("redelivered-" + UUID.randomUUID());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        admin(properties(), meters, projection);

        eventually(() -> storedOffsetSum(projection.name()) == 3);

        assertThat(parked(projection.name())).containsExactly("UNKNOWN_TYPE " + community + ":1");
        assertThat(meters.counter("projection.events.skipped", "projection", projection.name()).count()).isEqualTo(1);
    }

    /** The envelope as a producer of another version would write it: another type name, another schema version. */
    private static EventEnvelope renamed(EventEnvelope envelope, String type, int schemaVersion) {
        return new EventEnvelope(envelope.eventId(), type, schemaVersion, envelope.aggregateType(),
                envelope.aggregateId(), envelope.sequence(), envelope.storePosition(), envelope.communityId(),
                envelope.actorId(), envelope.occurredAt(), envelope.payload());
    }
}
