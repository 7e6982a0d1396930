package com.productivecommunity.support.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.EventEnvelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The consumer machinery against a real PostgreSQL database and an embedded KRaft broker: the exactly-once effect. */
class ProjectionRunnerIntegrationTest extends MachineryTestSupport {

    @BeforeAll
    static void startBrokerAndDatabase() {
        startBrokerAndDatabase("support_runner");
    }

    @AfterAll
    static void stop() {
        stopBroker();
    }

    @Test
    void appliesAnEventPublishedTwiceOnlyOnce() {
        UUID community = UUID.randomUUID();
        publisher().publish(founded(community));
        EventEnvelope joined = publisher.publish(joined(community, "alice"));
        publisher.publish(joined(community, "bob"));
        publisher.publish(joined); // the at-least-once publisher sent it again, at a later offset
        publisher.publish(joined(community, "carol"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RecordingProjection projection = new RecordingProjection("dedup-" + UUID.randomUUID());

        start(projection, properties(), meters);
        eventually(() -> storedOffsetSum(projection.name()) == 5);

        assertThat(recorded(projection.name())).containsExactly(
                community + ":0", community + ":1", community + ":2", community + ":3");
        assertThat(meters.counter("projection.events.skipped", "projection", projection.name()).count()).isEqualTo(1);
        assertThat(meters.counter("projection.events.applied", "projection", projection.name()).count()).isEqualTo(4);
        assertThat(parked(projection.name())).isEmpty();
    }

    @Test
    void aConsumerStoppedInTheMiddleOfABatchResumesToTheStateOfAnUninterruptedRun() throws Exception {
        publisher().publishAll(history(6, 10));
        ProjectionProperties smallBatches = properties();
        smallBatches.setMaxPollRecords(7);
        smallBatches.setConcurrency(1);

        RecordingProjection uninterrupted = new RecordingProjection("whole-" + UUID.randomUUID());
        start(uninterrupted, smallBatches, null);

        CountDownLatch inSecondBatch = new CountDownLatch(1);
        CountDownLatch crash = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        RecordingProjection crashing = new RecordingProjection("crash-" + UUID.randomUUID()) {
            @Override
            public void apply(List<ProjectedEvent> events) {
                super.apply(events); // rows written, not yet committed
                if (batches.incrementAndGet() == 2) {
                    inSecondBatch.countDown();
                    await(crash);
                    throw new IllegalStateException("the process died in the middle of this batch");
                }
            }
        };
        ProjectionRunner runner = start(crashing, smallBatches, null);
        assertThat(inSecondBatch.await(30, TimeUnit.SECONDS)).isTrue();
        Thread stopping = new Thread(runner::stop);
        stopping.start();
        eventually(() -> !runner.isRunning());
        crash.countDown();
        stopping.join();
        assertThat(runner.hasLiveConsumers()).isFalse();
        int afterCrash = recorded(crashing.name()).size();
        assertThat(afterCrash).isEqualTo(7); // the first batch only: the second rolled back with its offsets
        assertThat(parked(crashing.name())).isEmpty(); // a batch failing while stopping is left, not searched

        runner.start();
        eventually(() -> storedOffsetSum(crashing.name()) == 66 && storedOffsetSum(uninterrupted.name()) == 66);

        assertThat(recorded(crashing.name())).hasSize(66).doesNotHaveDuplicates();
        assertThat(perAggregate(crashing.name())).isEqualTo(perAggregate(uninterrupted.name()));
    }

    @Test
    void offsetsMovedByAnotherInstanceAreFollowedNotTreatedAsPoison() {
        UUID community = UUID.randomUUID();
        publisher().publishAll(List.of(founded(community), joined(community, "alice")));
        RecordingProjection projection = new RecordingProjection("moved-" + UUID.randomUUID());
        ProjectionRunner runner = start(projection, properties(), null);
        eventually(() -> storedOffsetSum(projection.name()) == 2);

        // Another instance of the projection applied the next event (offset 2, the community's sequence 2) meanwhile.
        jdbc.update("UPDATE projection_offset SET next_offset = 3, version = version + 1 WHERE projection = ?",
                projection.name());
        jdbc.update("UPDATE projection_aggregate_position SET last_sequence = 2 WHERE projection = ?", projection.name());
        publisher.publishAll(List.of(joined(community, "bob"), joined(community, "carol")));
        eventually(() -> storedOffsetSum(projection.name()) == 4);

        assertThat(recorded(projection.name())).containsExactly(community + ":0", community + ":1", community + ":3");
        assertThat(runner.status().consecutiveFailures()).isZero();
        assertThat(parked(projection.name())).isEmpty();
    }

    @Test
    void waitersAreReleasedOnceTheEventIsCommittedAndTimeOutOtherwise() throws Exception {
        publisher();
        RecordingProjection projection = new RecordingProjection("positions-" + UUID.randomUUID());
        ProjectionPositions positions = new ProjectionPositions(dataSource, List.of());
        ProjectionRunner runner = new ProjectionRunner(projection, infrastructure(properties(), positions, null));
        runners.add(runner);
        runner.start();
        UUID community = UUID.randomUUID();

        publisher.publish(founded(community));
        EventEnvelope joined = publisher.publish(joined(community, "alice"));

        assertThat(positions.awaitApplied(community.toString(), joined.sequence(), Duration.ofSeconds(30))).isTrue();
        assertThat(recorded(projection.name())).contains(community + ":1");
        assertThat(positions.awaitApplied(community.toString(), joined.sequence() + 1, Duration.ofMillis(300))).isFalse();
        assertThat(positions.awaitApplied(UUID.randomUUID().toString(), 0, Duration.ofMillis(300))).isFalse();
    }

    @Test
    void healthIsUpWhileRunningAndDownWhenStopped() {
        publisher().publishAll(history(2, 2));
        RecordingProjection projection = new RecordingProjection("health-" + UUID.randomUUID());
        ProjectionProperties properties = properties();
        ProjectionRunner runner = start(projection, properties, null);
        ProjectionHealthIndicator health = new ProjectionHealthIndicator(runner, properties);
        eventually(() -> storedOffsetSum(projection.name()) == 6);

        eventually(() -> health.health().getStatus().equals(Status.UP));
        assertThat(health.health().getDetails()).containsEntry("parkedEvents", 0L);

        runner.stop();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("reason", "consumer is not running");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
