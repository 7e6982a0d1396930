package com.productivecommunity.query.moderation;

import static com.productivecommunity.query.Events.answered;
import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static com.productivecommunity.query.Events.now;
import static com.productivecommunity.query.Events.posted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.LeaderRemoved;
import com.productivecommunity.events.MemberRemoved;
import com.productivecommunity.query.QueryIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 in the read model: leaders named and removed, members removed, edited texts replacing the old in feed,
 * thread and search, retracted and hidden contributions gone from feeds and search and a placeholder on the
 * thread, and the history for AUDITOR and the author.
 */
class EditingAndModerationIntegrationTest extends QueryIntegrationTest {

    private final UUID community = UUID.randomUUID();
    private final UUID question = UUID.randomUUID();
    private final UUID answer = UUID.randomUUID();
    private final UUID idea = UUID.randomUUID();

    @Test
    void leadersAndRemovedMembersShowOnTheCommunity() {
        publishAndAwait(List.of(founded(community, "carol", "Leadership " + community, "lead"),
                joined(community, "alice", null), joined(community, "bob", null),
                new LeaderNamed(UUID.randomUUID(), community, "carol", now(), "alice", LeaderNamed.Reason.NAMED),
                new LeaderNamed(UUID.randomUUID(), community, "carol", now(), "bob", LeaderNamed.Reason.NAMED),
                new LeaderRemoved(UUID.randomUUID(), community, "alice", now(), "carol"),
                new MemberRemoved(UUID.randomUUID(), community, "alice", now(), "bob", "spam")));

        JsonNode detail = getJson("/api/communities/" + community, "frank");
        assertThat(detail.get("leaders")).extracting(JsonNode::asText).containsExactly("alice");
        assertThat(detail.get("members")).extracting(m -> m.get("memberId").asText())
                .containsExactlyInAnyOrder("carol", "alice");
        JsonNode listed = getJson("/api/communities?member=bob", "bob");
        assertThat(listed).extracting(c -> c.get("communityId").asText()).doesNotContain(community.toString());
    }

    @Test
    void anEditReplacesTheTextsEverywhereAndIsMarkedWithItsTime() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String oldWord = "zo" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ContributionEdited edit = new ContributionEdited(UUID.randomUUID(), community, "alice", now(), question,
                "Why does line 3 stop " + word + "?", "Every day at noon");
        publishAndAwait(List.of(founded(community, "carol", "Editing " + community, "uptime"),
                posted(community, question, "alice", ContributionKind.QUESTION, "Why does line 3 stop " + oldWord + "?"),
                answered(community, answer, "bob", question, "alice"), edit));

        JsonNode thread = getJson("/api/contributions/" + question, "frank");
        assertThat(thread.get("title").asText()).isEqualTo(edit.title());
        assertThat(thread.get("body").asText()).isEqualTo("Every day at noon");
        assertThat(thread.get("editedAt").asText()).isEqualTo(edit.occurredAt().toString());
        assertThat(thread.get("state").asText()).isEqualTo("VISIBLE");
        assertThat(thread.get("answers").get(0).get("questionTitle").asText()).isEqualTo(edit.title());
        assertThat(thread.get("answers").get(0).get("editedAt").isNull()).isTrue();
        JsonNode feed = getJson("/api/communities/" + community + "/feed", "frank").get("items");
        assertThat(feed).extracting(i -> i.get("title").asText()).contains(edit.title());
        JsonNode found = getJson("/api/search?q=" + word, "frank").get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("contribution").get("contributionId").asText()).isEqualTo(question.toString());
        assertThat(getJson("/api/search?q=" + oldWord, "frank").get("items")).isEmpty();

        JsonNode history = getJson("/api/contributions/" + question + "/history", "erin");
        assertThat(history.get("authorId").asText()).isEqualTo("alice");
        JsonNode changes = history.get("changes");
        assertThat(changes).extracting(c -> c.get("change").asText()).containsExactly("POSTED", "EDITED");
        assertThat(changes.get(0).get("title").asText()).isEqualTo("Why does line 3 stop " + oldWord + "?");
        assertThat(changes.get(0).get("body").asText()).isEqualTo("body of Why does line 3 stop " + oldWord + "?");
        assertThat(changes.get(1).get("title").asText()).isEqualTo(edit.title());
        assertThat(changes.get(1).get("by").asText()).isEqualTo("alice");
        assertThat(changes.get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(get("/api/contributions/" + question + "/history", "alice").statusCode()).isEqualTo(200);
        assertThat(get("/api/contributions/" + question + "/history", "bob").statusCode()).isEqualTo(403);
        assertThat(get("/api/contributions/" + question + "/history", "dana").statusCode()).isEqualTo(403);
        assertThat(get("/api/contributions/" + UUID.randomUUID() + "/history", "erin").statusCode()).isEqualTo(404);
        JsonNode unchanged = getJson("/api/contributions/" + answer + "/history", "bob").get("changes");
        assertThat(unchanged).extracting(c -> c.get("change").asText()).containsExactly("POSTED");
    }

    @Test
    void retractedAndHiddenContributionsLeaveFeedsAndSearchAndShowAPlaceholderOnTheThread() {
        String word = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<com.productivecommunity.events.CommunityEvent> events = new ArrayList<>(List.of(
                founded(community, "carol", "Moderation " + community, "uptime"),
                joined(community, "alice", null), joined(community, "bob", null),
                posted(community, question, "alice", ContributionKind.QUESTION, "Question " + word),
                answered(community, answer, "bob", question, "alice"),
                posted(community, idea, "bob", ContributionKind.IDEA, "Idea " + word)));
        events.add(new ContributionHidden(UUID.randomUUID(), community, "carol", now(), answer, "bob", "Off topic"));
        events.add(new ContributionRetracted(UUID.randomUUID(), community, "bob", now(), idea));
        publishAndAwait(events);

        JsonNode feed = getJson("/api/communities/" + community + "/feed", "alice").get("items");
        assertThat(feed).extracting(i -> i.get("contributionId").asText()).containsExactly(question.toString());
        JsonNode home = getJson("/api/feed?limit=100", "alice").get("items");
        assertThat(home).extracting(i -> i.get("contributionId").asText())
                .doesNotContain(answer.toString(), idea.toString());
        assertThat(getJson("/api/search?q=" + word, "alice").get("items"))
                .extracting(h -> h.get("contribution").get("contributionId").asText())
                .containsExactly(question.toString());

        JsonNode thread = getJson("/api/contributions/" + question, "alice");
        assertThat(thread.get("answerCount").asInt()).isEqualTo(1);
        JsonNode hidden = thread.get("answers").get(0);
        assertThat(hidden.get("state").asText()).isEqualTo("HIDDEN");
        assertThat(hidden.get("hiddenReason").asText()).isEqualTo("Off topic");
        assertThat(hidden.get("body").asText()).isEqualTo("[hidden by a leader: Off topic]");
        JsonNode retracted = getJson("/api/contributions/" + idea, "alice");
        assertThat(retracted.get("state").asText()).isEqualTo("RETRACTED");
        assertThat(retracted.get("title").isNull()).isTrue();
        assertThat(retracted.get("body").asText()).isEqualTo("[retracted]");

        JsonNode history = getJson("/api/contributions/" + answer + "/history", "bob");
        assertThat(history.get("state").asText()).isEqualTo("HIDDEN");
        assertThat(history.get("changes")).extracting(c -> c.get("change").asText()).containsExactly("POSTED", "HIDDEN");
        assertThat(history.get("changes").get(0).get("body").asText()).isEqualTo("an answer");
        assertThat(history.get("changes").get(1).get("by").asText()).isEqualTo("carol");
        assertThat(history.get("changes").get(1).get("reason").asText()).isEqualTo("Off topic");
        assertThat(get("/api/contributions/" + answer + "/history", "carol").statusCode()).isEqualTo(403);

        // The weekly digest leaves them out too, and names no withdrawn question.
        JsonNode bobs = getJson("/api/notifications/digest", "bob");
        assertThat(bobs.at("/gave/contributions")).extracting(c -> c.get("contributionId").asText())
                .doesNotContain(answer.toString(), idea.toString());
        JsonNode alices = getJson("/api/notifications/digest", "alice");
        assertThat(alices.at("/got/answers")).extracting(a -> a.get("answerId").asText())
                .doesNotContain(answer.toString());
    }
}
