package com.productivecommunity.query.community;

import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.now;
import static com.productivecommunity.query.Events.posted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.query.QueryIntegrationTest;
import com.productivecommunity.support.projection.VersionOne;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Segments and partners' and customers' communities through the topic and HTTP, from a history that mixes events
 * published before segments existed (version 1) with current ones.
 */
class PeopleSegmentsIntegrationTest extends QueryIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private final UUID staff = UUID.randomUUID();
    private final UUID open = UUID.randomUUID();
    private final UUID staffPost = UUID.randomUUID();
    private final UUID openPost = UUID.randomUUID();
    private final UUID piaQuestion = UUID.randomUUID();
    private final String word = "zq" + Long.toHexString(System.nanoTime());

    @Test
    void segmentsAreShownAndPartnersReadOnlyTheCommunitiesOpenedToThem() {
        List<EventEnvelope> written = new ArrayList<>();
        // Published before segments existed.
        written.add(versionOne(new CommunityFounded(UUID.randomUUID(), staff, "carol", now(), "Line " + word,
                "Less downtime")));
        written.add(versionOne(joined(staff, "alice", "learn")));
        // A partner who joined then, when nothing kept partners out, and asked a question.
        written.add(versionOne(joined(staff, "pia", null)));
        written.add(publisher.publish(posted(staff, piaQuestion, "pia", ContributionKind.QUESTION, "Prices " + word)));
        written.add(publisher.publish(answered(staff, UUID.randomUUID(), "bob", piaQuestion, "pia")));
        // And since.
        written.add(publisher.publish(new MemberJoined(UUID.randomUUID(), staff, "bob", now(), null,
                List.of("employee", "remote"))));
        written.add(publisher.publish(new MemberSegmentsChanged(UUID.randomUUID(), staff, "alice", now(),
                List.of("employee", "production"))));
        written.add(publisher.publish(posted(staff, staffPost, "alice", ContributionKind.POST, "Pumps " + word)));
        written.add(publisher.publish(new CommunityFounded(UUID.randomUUID(), open, "carol", now(), "Suppliers",
                "Fewer late parts", List.of("leader"), true)));
        written.add(publisher.publish(new MemberJoined(UUID.randomUUID(), open, "pia", now(), "Sell",
                List.of("partner"))));
        written.add(publisher.publish(posted(open, openPost, "pia", ContributionKind.POST, "Parts " + word)));
        awaitApplied(written);

        JsonNode detail = getJson("/api/communities/" + staff, "grace");
        assertThat(detail.get("openToExternal").asBoolean()).isFalse();
        assertThat(detail.get("members").toString()).isEqualTo(
                "[{\"memberId\":\"carol\",\"purpose\":null,\"segments\":[]},"
                + "{\"memberId\":\"alice\",\"purpose\":\"learn\",\"segments\":[\"employee\",\"production\"]},"
                + "{\"memberId\":\"pia\",\"purpose\":null,\"segments\":[]},"
                + "{\"memberId\":\"bob\",\"purpose\":null,\"segments\":[\"employee\",\"remote\"]}]");
        JsonNode openDetail = getJson("/api/communities/" + open, "pia");
        assertThat(openDetail.get("openToExternal").asBoolean()).isTrue();
        assertThat(openDetail.at("/members/0/segments").toString()).isEqualTo("[\"leader\"]");

        assertThat(ids(getJson("/api/communities", "pia"))).contains(open.toString()).doesNotContain(staff.toString());
        assertThat(ids(getJson("/api/communities?member=carol", "cole"))).contains(open.toString())
                .doesNotContain(staff.toString());
        assertThat(ids(getJson("/api/communities", "alice"))).contains(open.toString(), staff.toString());
        for (String path : List.of("/api/communities/" + staff, "/api/communities/" + staff + "/feed",
                "/api/communities/" + staff + "/outcomes", "/api/communities/" + staff + "/feed/stream",
                "/api/contributions/" + staffPost, "/api/search?q=" + word + "&community=" + staff)) {
            assertThat(get(path, "pia").statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, "cole").statusCode()).as(path).isEqualTo(403);
        }
        assertThat(get("/api/communities/" + open + "/feed", "pia").statusCode()).isEqualTo(200);
        assertThat(get("/api/contributions/" + openPost, "cole").statusCode()).isEqualTo(200);

        assertThat(hits(getJson("/api/search?q=" + word, "pia"))).containsExactly(openPost.toString());

        // pia's membership from before shows her nothing of the staff's community: not in her home feed, her
        // notifications (bob answered her question there) nor her digest.
        assertThat(feedIds(getJson("/api/feed?limit=100", "pia"))).contains(openPost.toString())
                .doesNotContain(staffPost.toString(), piaQuestion.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification WHERE recipient_id = 'pia' AND community_id = ?",
                Integer.class, staff)).as("bob's answer notified pia, as every answer does").isEqualTo(1);
        JsonNode notifications = getJson("/api/notifications?limit=100", "pia");
        assertThat(notifications.get("items").findValuesAsText("communityId")).doesNotContain(staff.toString());
        assertThat(getJson("/api/notifications/unread-count", "pia").get("unreadCount").asLong())
                .isEqualTo(notifications.get("unreadCount").asLong());
        String digest = getJson("/api/notifications/digest", "pia").toString();
        assertThat(digest).doesNotContain(staff.toString()).doesNotContain("Prices " + word);
        assertThat(getJson("/api/notifications?limit=100", "erin").get("items").findValuesAsText("communityId"))
                .as("erin has none there").doesNotContain(staff.toString());
        assertThat(hits(getJson("/api/search?q=" + word, "alice")))
                .containsExactlyInAnyOrder(openPost.toString(), staffPost.toString(), piaQuestion.toString(),
                        staff.toString());
    }

    private EventEnvelope versionOne(CommunityEvent event) {
        EventEnvelope old = VersionOne.of(publisher.envelope(event));
        assertThat(old.schemaVersion()).isEqualTo(1);
        publisher.publish(old);
        return old;
    }

    private static List<String> feedIds(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("contributionId").asText()).toList();
    }

    private static List<String> ids(JsonNode communities) {
        return StreamSupport.stream(communities.spliterator(), false).map(c -> c.get("communityId").asText()).toList();
    }

    /** The ids of a search page's hits: contributions' ids, and communities' ids. */
    private static List<String> hits(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(hit -> hit.path("contribution").isObject() ? hit.at("/contribution/contributionId").asText()
                        : hit.get("communityId").asText()).toList();
    }
}
