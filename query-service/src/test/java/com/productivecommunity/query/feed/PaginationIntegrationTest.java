package com.productivecommunity.query.feed;

import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.posted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.query.QueryIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaginationIntegrationTest extends QueryIntegrationTest {

    @Test
    void pagesOfACommunityFeedStayStableWhileNewItemsArrive() {
        UUID community = UUID.randomUUID();
        List<CommunityEvent> events = new ArrayList<>(List.of(founded(community, "carol", "Pages", "paging")));
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            UUID id = UUID.randomUUID();
            posted.add(id.toString());
            events.add(posted(community, id, "carol", ContributionKind.POST, "Post " + i));
        }
        publishAndAwait(events);
        List<String> newestFirst = new ArrayList<>(posted);
        Collections.reverse(newestFirst);
        String feed = "/api/communities/" + community + "/feed";

        JsonNode first = getJson(feed + "?limit=10", "alice");
        List<CommunityEvent> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            later.add(posted(community, UUID.randomUUID(), "carol", ContributionKind.IDEA, "Meanwhile " + i));
        }
        publishAndAwait(later);
        JsonNode second = getJson(feed + "?limit=10&before=" + first.get("next").asText(), "alice");
        JsonNode third = getJson(feed + "?limit=10&before=" + second.get("next").asText(), "alice");

        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(10, 20));
        assertThat(ids(third)).containsExactlyElementsOf(newestFirst.subList(20, 25));
        assertThat(third.get("next").isNull()).isTrue();
        assertThat(getJson(feed, "alice").get("items")).hasSize(20);
        assertThat(getJson(feed + "?limit=100", "alice").get("items")).hasSize(28);
    }

    @Test
    void theHomeFeedPagesAcrossCommunitiesNewestFirst() {
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        String member = "grace";
        List<CommunityEvent> events = new ArrayList<>(List.of(founded(one, "carol", "One", "one"),
                founded(two, "bob", "Two", "two"), joined(one, member, null), joined(two, member, null)));
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            posted.add(id.toString());
            events.add(posted(i % 2 == 0 ? one : two, id, i % 2 == 0 ? "carol" : "bob", ContributionKind.POST, "P" + i));
        }
        publishAndAwait(events);
        List<String> newestFirst = new ArrayList<>(posted);
        Collections.reverse(newestFirst);

        List<String> read = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = getJson("/api/feed?limit=5" + (next == null ? "" : "&before=" + next), member);
            read.addAll(ids(page));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null && read.size() < 100);

        assertThat(read.subList(0, 12)).containsExactlyElementsOf(newestFirst);
        assertThat(read).doesNotHaveDuplicates();
    }

    @Test
    void aLimitOutOfRangeOrAForeignCursorIsRejected() {
        for (String query : List.of("?limit=0", "?limit=101", "?limit=abc", "?before=not-a-cursor")) {
            HttpResponse<String> response = get("/api/feed" + query, "alice");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("contributionId").asText()));
        return ids;
    }
}
