package com.productivecommunity.query.projection;

import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.posted;
import static com.productivecommunity.query.Events.reacted;
import static com.productivecommunity.query.Events.viewed;
import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.query.QueryIntegrationTest;
import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.projection.ProjectionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replay speed, on demand: {@code mvn -o -pl query-service verify -Dtest=ReplayThroughputIntegrationTest
 * -Dreplay.events=200000}. Publishes a realistic mix while the consumer is stopped, then measures how fast
 * it catches up. Prints events per second; asserts only that everything was applied.
 */
@EnabledIfSystemProperty(named = "replay.events", matches = "\\d+")
class ReplayThroughputIntegrationTest extends QueryIntegrationTest {

    @Autowired
    ProjectionAdmin admin;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void catchesUpWithABacklog() {
        int target = Integer.getInteger("replay.events");
        String[] members = {"alice", "bob", "carol", "frank", "grace", "dana", "erin"};
        ProjectionRunner live = admin.runner(QueryProjection.NAME);
        live.stop();
        List<EventEnvelope> published = new ArrayList<>();
        int posts = 0;
        List<UUID> communities = new ArrayList<>();
        long publishStart = System.nanoTime();
        while (published.size() < target) {
            UUID community = UUID.randomUUID();
            communities.add(community);
            List<CommunityEvent> events = new ArrayList<>();
            events.add(founded(community, "carol", "Replay", "speed"));
            for (String member : members) {
                if (!member.equals("carol")) {
                    events.add(joined(community, member, null));
                }
            }
            for (int q = 0; q < 50; q++) {
                UUID question = UUID.randomUUID();
                String asker = members[q % members.length];
                String helper = members[(q + 1) % members.length];
                events.add(posted(community, question, asker, ContributionKind.QUESTION, "Q" + q));
                UUID answer = UUID.randomUUID();
                events.add(answered(community, answer, helper, question, asker));
                events.add(viewed(community, answer, asker, helper));
                events.add(reacted(community, answer, asker, helper, ReactionKind.THANKS));
                events.add(reacted(community, question, helper, asker, ReactionKind.LIKE));
                posts += 2;
            }
            published.addAll(publisher.publishAll(events));
        }
        double publishSeconds = (System.nanoTime() - publishStart) / 1e9;

        long start = System.nanoTime();
        live.start();
        awaitApplied(published);
        double seconds = (System.nanoTime() - start) / 1e9;

        Timer batches = meters.timer("projection.batch", "projection", QueryProjection.NAME);
        System.out.printf("REPLAY: %d events published in %.1f s; applied in %.1f s = %.0f events/s;"
                        + " %d batches took %.1f s in their transactions%n", published.size(), publishSeconds, seconds,
                published.size() / seconds, batches.count(), batches.totalTime(TimeUnit.SECONDS));
        Integer contributions = jdbc.queryForObject("SELECT count(*) FROM contribution WHERE community_id = ANY (?)",
                Integer.class, (Object) communities.toArray(UUID[]::new));
        assertThat(contributions).isEqualTo(posts);
    }
}
