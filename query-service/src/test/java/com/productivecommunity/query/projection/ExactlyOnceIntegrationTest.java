package com.productivecommunity.query.projection;

import static com.productivecommunity.query.Events.accepted;
import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.left;
import static com.productivecommunity.query.Events.memberPurpose;
import static com.productivecommunity.query.Events.posted;
import static com.productivecommunity.query.Events.reacted;
import static com.productivecommunity.query.Events.viewed;
import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.query.Events;
import com.productivecommunity.query.QueryIntegrationTest;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.Projection;
import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.projection.ProjectionProperties;
import com.productivecommunity.support.projection.ProjectionRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ExactlyOnceIntegrationTest extends QueryIntegrationTest {

    private static final String[] MEMBERS = {"alice", "bob", "carol", "frank", "grace"};

    @Autowired
    ProjectionAdmin admin;
    @Autowired
    QueryProjection projection;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSameEventsDeliveredTwiceLeaveTheSameState() {
        UUID community = UUID.randomUUID();
        List<EventEnvelope> first = publishAndAwait(history(community));
        String once = snapshot(List.of(community));
        double skippedBefore = skipped();

        first.forEach(publisher::publish); // the at-least-once publisher sends the whole history again
        publishAndAwait(List.of(viewed(community, UUID.randomUUID(), "alice", "bob")));

        assertThat(snapshot(List.of(community))).isEqualTo(once);
        assertThat(skipped() - skippedBefore).isEqualTo(first.size());
    }

    @Test
    void aConsumerRestartedInTheMiddleOfABatchReachesTheStateOfAnUninterruptedRun() throws Exception {
        List<UUID> communities = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<CommunityEvent> events = new ArrayList<>();
        communities.forEach(community -> events.addAll(history(community)));
        List<EventEnvelope> published = publishAndAwait(events);
        String uninterrupted = snapshot(communities);

        ProjectionRunner live = admin.runner(QueryProjection.NAME);
        live.stop();
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                projection.reset();
                jdbc.update("DELETE FROM projection_offset WHERE projection = ?", QueryProjection.NAME);
                jdbc.update("DELETE FROM projection_aggregate_position WHERE projection = ?", QueryProjection.NAME);
            });
            CountDownLatch inThirdBatch = new CountDownLatch(1);
            CountDownLatch crash = new CountDownLatch(1);
            AtomicInteger batches = new AtomicInteger();
            Projection crashing = new Projection() {
                @Override
                public String name() {
                    return QueryProjection.NAME;
                }

                @Override
                public void apply(List<ProjectedEvent> batch) {
                    projection.apply(batch);
                    if (batches.incrementAndGet() == 3) {
                        inThirdBatch.countDown();
                        awaitQuietly(crash);
                        throw new IllegalStateException("the service died in the middle of this batch");
                    }
                }

                @Override
                public void reset() {
                    projection.reset();
                }
            };
            ProjectionProperties smallBatches = new ProjectionProperties();
            smallBatches.setMaxPollRecords(50);
            smallBatches.setPollTimeout(Duration.ofMillis(100));
            smallBatches.setRetryBackoffInitial(Duration.ofMillis(50));
            ProjectionRunner replay = new ProjectionRunner(crashing, dataSource, transactionManager,
                    Map.of("bootstrap.servers", brokers), "community-events", smallBatches, positions, null);
            replay.start();
            assertThat(inThirdBatch.await(60, TimeUnit.SECONDS)).isTrue();
            Thread stopping = new Thread(replay::stop);
            stopping.start();
            while (replay.isRunning()) {
                Thread.sleep(10);
            }
            crash.countDown();
            stopping.join();
            assertThat(jdbc.queryForObject("SELECT sum(next_offset) FROM projection_offset WHERE projection = ?",
                    Long.class, QueryProjection.NAME)).isPositive(); // two batches committed before the crash
            assertThat(snapshot(communities)).isNotEqualTo(uninterrupted);

            replay.start();
            awaitApplied(published);
            replay.stop();

            assertThat(snapshot(communities)).isEqualTo(uninterrupted);
        } finally {
            live.start();
        }
    }

    @Test
    void anAnalystRebuildsTheProjectionFromTheFirstEvent() {
        UUID community = UUID.randomUUID();
        List<EventEnvelope> published = publishAndAwait(history(community));
        String before = snapshot(List.of(community));

        assertThat(post("/api/admin/projections/query/rebuild", "bob").statusCode()).isEqualTo(403);
        assertThat(post("/api/admin/projections/nothing/rebuild", "dana").statusCode()).isEqualTo(404);
        var rebuild = post("/api/admin/projections/query/rebuild", "dana");
        assertThat(rebuild.statusCode()).isEqualTo(202);
        assertThat(read(rebuild.body()).get("state").asText()).isEqualTo("REBUILDING");
        // The rebuild runs in the background: wait until the projection replays before waiting for the events.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> admin.status(QueryProjection.NAME).state().equals("RUNNING"));
        awaitApplied(published);

        assertThat(snapshot(List.of(community))).isEqualTo(before);
        assertThat(getJson("/api/admin/projections", "dana").get(0).get("name").asText()).isEqualTo("query");
    }

    /** A busy community: members join and leave, ask, answer, react, accept. */
    private static List<CommunityEvent> history(UUID community) {
        List<CommunityEvent> events = new ArrayList<>();
        events.add(founded(community, "carol", "Community " + community, "purpose"));
        for (String member : MEMBERS) {
            if (!member.equals("carol")) {
                events.add(joined(community, member, "purpose of " + member));
            }
        }
        List<UUID> questions = new ArrayList<>();
        for (int i = 0; i < MEMBERS.length; i++) {
            UUID question = UUID.randomUUID();
            questions.add(question);
            events.add(posted(community, question, MEMBERS[i], ContributionKind.QUESTION, "Question " + i));
        }
        for (int i = 0; i < questions.size(); i++) {
            String asker = MEMBERS[i];
            String helper = MEMBERS[(i + 1) % MEMBERS.length];
            UUID answer = UUID.randomUUID();
            events.add(answered(community, answer, helper, questions.get(i), asker));
            events.add(viewed(community, answer, asker, helper));
            for (ReactionKind kind : ReactionKind.values()) {
                events.add(reacted(community, answer, asker, helper, kind));
            }
            events.add(reacted(community, questions.get(i), helper, asker, ReactionKind.LIKE));
            if (i % 2 == 0) {
                events.add(accepted(community, questions.get(i), asker, answer, helper));
            }
        }
        UUID idea = UUID.randomUUID();
        events.add(posted(community, idea, "grace", ContributionKind.IDEA, "Idea"));
        // Edited, retracted and hidden contributions, and a member's segments recorded anew (issue 17).
        events.add(new ContributionEdited(UUID.randomUUID(), community, MEMBERS[0], Events.now(), questions.get(0),
                "Question 0, edited", "a clearer body"));
        events.add(new ContributionRetracted(UUID.randomUUID(), community, MEMBERS[1], Events.now(), questions.get(1)));
        events.add(new ContributionHidden(UUID.randomUUID(), community, "carol", Events.now(), idea, "grace",
                "off topic"));
        events.add(new MemberSegmentsChanged(UUID.randomUUID(), community, "alice", Events.now(),
                List.of("employee", "remote")));
        events.add(memberPurpose(community, "alice", "learn predictive maintenance"));
        events.add(left(community, "frank"));
        return events;
    }

    private String snapshot(List<UUID> communities) {
        StringBuilder state = new StringBuilder();
        for (UUID community : communities) {
            state.append(jdbc.queryForList("SELECT * FROM community WHERE community_id = ?", community));
            // (an array as text: the driver's rendering of an array object differs between its transfer modes)
            state.append(jdbc.queryForList("SELECT community_id, member_id, purpose, leader, joined_at,"
                    + " segments::text AS segments FROM community_member WHERE community_id = ?"
                    + " ORDER BY member_id", community));
            state.append(jdbc.queryForList("SELECT * FROM contribution WHERE community_id = ?"
                    + " ORDER BY contribution_id", community));
            state.append(jdbc.queryForList("SELECT * FROM reaction WHERE community_id = ?"
                    + " ORDER BY contribution_id, member_id, kind", community));
            state.append(jdbc.queryForList("SELECT * FROM notification WHERE community_id = ?"
                    + " ORDER BY notification_id", community));
            state.append(jdbc.queryForList("SELECT h.* FROM contribution_change h JOIN contribution c"
                    + " ON c.contribution_id = h.contribution_id WHERE c.community_id = ?"
                    + " ORDER BY h.contribution_id, h.sequence", community));
        }
        return state.toString();
    }

    private double skipped() {
        String metrics = get("/actuator/prometheus", "prometheus").body();
        return metrics.lines().filter(line -> line.startsWith("projection_events_skipped_total")
                        && line.contains("projection=\"query\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
