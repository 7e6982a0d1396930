package com.productivecommunity.support.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.EventEnvelope;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rebuilds, several instances, database outages and projections registered at run time. */
class ProjectionLifecycleIntegrationTest extends MachineryTestSupport {

    @BeforeAll
    static void startBrokerAndDatabase() {
        startBrokerAndDatabase("support_lifecycle");
    }

    @AfterAll
    static void stop() {
        stopBroker();
    }

    @Test
    void aRebuildReplaysTheTopicFromTheStart() throws Exception {
        publisher().publishAll(history(3, 4));
        RecordingProjection projection = new RecordingProjection("rebuild-" + UUID.randomUUID());
        ProjectionAdmin admin = admin(properties(), null, projection);
        eventually(() -> storedOffsetSum(projection.name()) == 15);
        List<String> before = perAggregate(projection.name());

        admin.rebuild(projection.name(), "dana").get(60, TimeUnit.SECONDS);
        eventually(() -> storedOffsetSum(projection.name()) == 15);

        assertThat(projection.resets.get()).isEqualTo(1);
        assertThat(perAggregate(projection.name())).isEqualTo(before);
        assertThat(admin.parked().actions(projection.name(), Long.MAX_VALUE, 5)).extracting(ProjectionAction::action)
                .containsExactly("REBUILD");
    }

    @Test
    void aRebuildWaitsForTheOldConsumerEvenWhenItsBatchOutlivesEveryTimeout() throws Exception {
        UUID community = UUID.randomUUID();
        publisher().publishAll(List.of(founded(community), joined(community, "alice")));
        CountDownLatch inSlowBatch = new CountDownLatch(1);
        CountDownLatch finishSlowBatch = new CountDownLatch(1);
        AtomicBoolean slow = new AtomicBoolean(false);
        AtomicInteger inApply = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        RecordingProjection projection = new RecordingProjection("slow-" + UUID.randomUUID()) {
            @Override
            public void apply(List<ProjectedEvent> events) {
                mostAtOnce.accumulateAndGet(inApply.incrementAndGet(), Math::max);
                threads.add(Thread.currentThread());
                try {
                    super.apply(events);
                    if (slow.get()) {
                        inSlowBatch.countDown();
                        try {
                            finishSlowBatch.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                } finally {
                    inApply.decrementAndGet();
                }
            }
        };
        ProjectionProperties properties = properties();
        properties.setConcurrency(1);
        properties.setStopWarnInterval(Duration.ofMillis(200));
        ProjectionAdmin admin = admin(properties, null, projection);
        ProjectionRunner runner = admin.runner(projection.name());
        eventually(() -> storedOffsetSum(projection.name()) == 2);

        slow.set(true);
        publisher.publish(joined(community, "bob"));
        assertThat(inSlowBatch.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> rebuild = admin.rebuild(projection.name(), "dana");
        sleep(2_000); // longer than any stop timeout of the container (its default is 10 s: we wait without one)

        assertThat(rebuild).isNotDone();
        assertThat(projection.resets.get()).isZero();
        assertThat(runner.hasLiveConsumers()).isTrue();
        assertThat(admin.status(projection.name()).state()).isEqualTo("REBUILDING");

        slow.set(false);
        finishSlowBatch.countDown();
        rebuild.get(60, TimeUnit.SECONDS);
        eventually(() -> storedOffsetSum(projection.name()) == 3);

        assertThat(projection.resets.get()).isEqualTo(1);
        assertThat(mostAtOnce.get()).isEqualTo(1);
        assertThat(threads).hasSizeGreaterThanOrEqualTo(2); // the old consumer thread, then the new one
        assertThat(recorded(projection.name())).containsExactly(community + ":0", community + ":1", community + ":2");
    }

    @Test
    void twoInstancesOfOneProjectionShareThePartitionsAcrossRebalancesWithNothingLostOrDoubled() throws Exception {
        publisher();
        RecordingProjection projection = new RecordingProjection("pair-" + UUID.randomUUID());
        ProjectionProperties properties = properties();
        properties.setMaxPollRecords(20);
        ProjectionAdmin first = admin(properties, null, projection);
        List<EventEnvelope> published = new ArrayList<>();
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> {
            while (publishing.get()) {
                published.addAll(publisher.publishAll(history(4, 5)));
                sleep(20);
            }
        });
        traffic.start();
        sleep(1_500);
        ProjectionAdmin second = admin(properties, null, projection); // another instance of the service joins
        sleep(3_000);
        second.stop(); // and leaves
        sleep(1_500);
        publishing.set(false);
        traffic.join();

        eventually(() -> storedOffsetSum(projection.name()) == published.size());

        List<String> expected = published.stream().map(e -> e.aggregateId() + ":" + e.sequence()).sorted().toList();
        assertThat(recorded(projection.name()).stream().sorted().toList()).isEqualTo(expected);
        assertThat(perAggregate(projection.name())).allSatisfy(line ->
                assertThat(line.substring(line.indexOf(':') + 1)).isEqualTo("0,1,2,3,4,5"));
        assertThat(parked(projection.name())).isEmpty();
        eventually(() -> first.status(projection.name()).assignedPartitions().size() == PARTITIONS);
    }

    @Test
    void aDatabaseOutageInTheMiddleOfABatchParksNothingLosesNothingAndAppliesNothingTwice() throws Exception {
        List<CommunityEvent> events = history(5, 20);
        publisher().publishAll(events);
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean cutting = new AtomicBoolean();
        AtomicReference<Thread> cutter = new AtomicReference<>();
        RecordingProjection projection = new RecordingProjection("outage-" + UUID.randomUUID()) {
            @Override
            public void apply(List<ProjectedEvent> events) {
                super.apply(events);
                if (batches.incrementAndGet() == 2 && cutting.compareAndSet(false, true)) {
                    cutter.set(cutConnectionsFor(Duration.ofSeconds(2))); // this very transaction's connection among them
                }
            }
        };
        ProjectionProperties properties = properties();
        properties.setMaxPollRecords(10);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        admin(properties, meters, projection);

        eventually(() -> storedOffsetSum(projection.name()) == events.size());
        assertThat(cutting.get()).isTrue();
        cutter.get().join(); // the outage is over before anything is checked (and before the next test)

        assertThat(recorded(projection.name())).hasSize(events.size()).doesNotHaveDuplicates();
        assertThat(perAggregate(projection.name())).hasSize(5).allSatisfy(line ->
                assertThat(line).endsWith(":0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20"));
        assertThat(parkedRows(projection.name())).isEmpty();
        assertThat(meters.counter("projection.batch.failures", "projection", projection.name()).count()).isPositive();
    }

    @Test
    void aProjectionRegisteredAtRunTimeReplaysEveryTargetInOnePassBesideTheLiveOne() throws Exception {
        publisher().publishAll(history(3, 3));
        RecordingProjection live = new RecordingProjection("live-" + UUID.randomUUID());
        ProjectionAdmin admin = admin(properties(), null, live);
        eventually(() -> storedOffsetSum(live.name()) == 12);

        RecordingProjection v2 = new RecordingProjection("v2-" + UUID.randomUUID());
        RecordingProjection v3 = new RecordingProjection("v3-" + UUID.randomUUID());
        CompositeProjection replay = CompositeProjection.of("replay-" + UUID.randomUUID(), List.of(v2, v3), false);
        admin.register(replay);
        eventually(() -> storedOffsetSum(replay.name()) == 12);

        assertThat(perAggregate(v2.name())).isEqualTo(perAggregate(live.name()));
        assertThat(perAggregate(v3.name())).isEqualTo(perAggregate(live.name()));
        assertThat(admin.names()).containsExactly(live.name(), replay.name());

        publisher.publishAll(history(1, 1)); // after catching up, the replay follows new events live
        eventually(() -> storedOffsetSum(replay.name()) == 14 && storedOffsetSum(live.name()) == 14);
        assertThat(recorded(v3.name())).hasSize(14);

        admin.unregister(replay.name()).get(30, TimeUnit.SECONDS);
        assertThat(admin.names()).containsExactly(live.name());
        publisher.publishAll(history(1, 1));
        eventually(() -> storedOffsetSum(live.name()) == 16);
        assertThat(recorded(v2.name())).hasSize(14);
    }

    /**
     * Terminates every connection of the projection, again and again, for {@code duration} (the test's own reads
     * go through connections of another name); returns the thread doing it.
     */
    private static Thread cutConnectionsFor(Duration duration) {
        Thread cutter = new Thread(() -> {
            long until = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < until) {
                check.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?"
                        + " AND pid <> pg_backend_pid() AND datname = current_database()", APPLICATION_NAME);
                sleep(20);
            }
        });
        cutter.setDaemon(true);
        cutter.start();
        sleep(200);
        return cutter;
    }
}
