package com.productivecommunity.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.command.testing.Api.Response;
import com.productivecommunity.command.testing.CommandServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 17's leadership, editing and moderation calls over real HTTP, with the lookup tables behind them. */
class LeadershipAndModerationApiIntegrationTest extends CommandServiceIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String community;
    private String question;

    @BeforeEach
    void aliceFoundedBobAndCarolJoinedBobAsked() {
        community = as("alice").post("/api/communities", "{\"name\":\"Maintenance\",\"purpose\":\"Less downtime\"}")
                .text("communityId");
        assertThat(as("bob").post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
        assertThat(as("carol").post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
        question = as("bob").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"QUESTION\",\"title\":\"Pump?\",\"body\":\"Why does it stop?\"}").text("contributionId");
    }

    @Test
    void aNamedLeaderLeadsAndCanBeRemovedAgain() {
        Response named = as("alice").post(leaders(), "{\"memberId\":\"carol\"}");
        assertThat(named.status()).as(named.toString()).isEqualTo(201);
        assertThat(named.header("X-Event-Position")).isEqualTo(community + ":3");
        assertThat(as("alice").post(leaders(), "{\"memberId\":\"carol\"}").status()).isEqualTo(200);
        // carol now leads: she may hide a contribution (the contribution asks the lookup)
        assertThat(as("carol").put("/api/contributions/" + question + "/hidden", "{\"reason\":\"Off topic\"}").status())
                .isEqualTo(200);
        assertThat(as("carol").delete(leaders() + "/alice").status()).isEqualTo(204);
        problem(as("alice").post(leaders(), "{\"memberId\":\"bob\"}"), 403);
        problem(as("carol").delete(leaders() + "/carol"), 409); // the only leader left
        problem(as("carol").delete(leaders() + "/bob"), 409); // not a leader
        problem(as("carol").post(leaders(), "{\"memberId\":\"frank\"}"), 409); // not a member
        problem(as("carol").post(leaders(), "{\"memberId\":\"\"}"), 400);
        problem(as("carol").post(leaders(), "{\"memberId\":\"bob\",\"extra\":1}"), 400);
        problem(as("carol").post("/api/communities/" + UUID.randomUUID() + "/leaders", "{\"memberId\":\"bob\"}"), 404);
        problem(anonymous().post(leaders(), "{\"memberId\":\"bob\"}"), 401);
    }

    @Test
    void theLastLeaderLeavingPassesLeadershipToTheLongestStandingMember() {
        Response left = as("alice").delete("/api/communities/" + community + "/members/me");
        assertThat(left.status()).isEqualTo(204);
        assertThat(left.header("X-Event-Position")).isEqualTo(community + ":4"); // MemberLeft 3, LeaderNamed 4
        assertThat(jdbc.queryForList("SELECT member_id FROM community_membership WHERE community_id = ?::uuid AND leader",
                String.class, community)).containsExactly("bob");
        assertThat(as("bob").put("/api/communities/" + community + "/purpose", "{\"purpose\":\"Mine\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aRemovedMemberIsNoMemberAndMayRejoin() {
        Response removed = as("alice").post("/api/communities/" + community + "/members/bob/removal",
                "{\"reason\":\"Spam\"}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        problem(as("bob").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"POST\",\"title\":\"Again\",\"body\":\"Spam\"}"), 403);
        problem(as("alice").post("/api/communities/" + community + "/members/bob/removal", "{\"reason\":\"Spam\"}"), 409);
        problem(as("alice").post("/api/communities/" + community + "/members/alice/removal", "{\"reason\":\"x\"}"), 409);
        problem(as("carol").post("/api/communities/" + community + "/members/alice/removal", "{\"reason\":\"x\"}"), 403);
        problem(as("alice").post("/api/communities/" + community + "/members/carol/removal", "{\"reason\":\"\"}"), 400);
        problem(as("alice").post("/api/communities/" + community + "/members/carol/removal", "{}"), 400);
        assertThat(as("bob").post("/api/communities/" + community + "/members", null).status()).isEqualTo(201);
    }

    @Test
    void theAuthorEditsThenRetractsAndThenNothingMoreChanges() {
        Response edited = as("bob").put("/api/contributions/" + question,
                "{\"title\":\"Pump stops?\",\"body\":\"Every day at noon\"}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.header("X-Event-Position")).isEqualTo(question + ":1");
        problem(as("carol").put("/api/contributions/" + question, "{\"title\":\"Mine\",\"body\":\"Now\"}"), 403);
        problem(as("bob").put("/api/contributions/" + question, "{\"title\":\"\",\"body\":\"Now\"}"), 400);
        problem(as("bob").put("/api/contributions/" + question, "{\"body\":\"Now\"}"), 400);
        problem(as("bob").put("/api/contributions/" + UUID.randomUUID(), "{\"title\":\"T\",\"body\":\"B\"}"), 404);
        problem(as("carol").delete("/api/contributions/" + question), 403);
        assertThat(as("bob").delete("/api/contributions/" + question).status()).isEqualTo(204);
        problem(as("bob").delete("/api/contributions/" + question), 409);
        problem(as("bob").put("/api/contributions/" + question, "{\"title\":\"T\",\"body\":\"B\"}"), 409);
        problem(as("carol").post("/api/contributions/" + question + "/reactions", "{\"kind\":\"LIKE\"}"), 409);
        problem(as("alice").put("/api/contributions/" + question + "/hidden", "{\"reason\":\"Late\"}"), 409);
        problem(as("carol").post("/api/communities/" + community + "/contributions",
                "{\"kind\":\"ANSWER\",\"body\":\"Late\",\"inReplyTo\":\"" + question + "\"}"), 409);
        assertThat(as("carol").post("/api/contributions/" + question + "/views", null).status()).isEqualTo(202);
        problem(as("alice").post("/api/communities/" + community + "/outcomes",
                "{\"description\":\"Saved\",\"value\":1,\"contributionIds\":[\"" + question + "\"]}"), 409);
        assertThat(jdbc.queryForObject("SELECT withdrawn FROM contribution_lookup WHERE contribution_id = ?::uuid",
                Boolean.class, question)).isTrue();
    }

    @Test
    void onlyALeaderHidesAndOnlyOnce() {
        problem(as("carol").put("/api/contributions/" + question + "/hidden", "{\"reason\":\"Off topic\"}"), 403);
        problem(as("alice").put("/api/contributions/" + question + "/hidden", "{\"reason\":\" \"}"), 400);
        assertThat(as("alice").put("/api/contributions/" + question + "/hidden", "{\"reason\":\"Off topic\"}").status())
                .isEqualTo(200);
        problem(as("alice").put("/api/contributions/" + question + "/hidden", "{\"reason\":\"Again\"}"), 409);
        problem(as("bob").delete("/api/contributions/" + question), 409);
    }

    /** V5's backfill: before leadership events, the founder (while still a member) was the only leader. */
    @Test
    void theMigrationMarksEachStillPresentFounderALeader() throws Exception {
        String other = as("carol").post("/api/communities", "{\"name\":\"Backfill\",\"purpose\":\"check it\"}")
                .text("communityId");
        assertThat(as("carol").delete("/api/communities/" + other + "/members/me").status()).isEqualTo(204);
        // A founder who left and came back was a plain member before this version.
        String rejoined = as("carol").post("/api/communities", "{\"name\":\"Rejoined\",\"purpose\":\"check it\"}")
                .text("communityId");
        assertThat(as("bob").post("/api/communities/" + rejoined + "/members", null).status()).isEqualTo(201);
        assertThat(as("carol").delete("/api/communities/" + rejoined + "/members/me").status()).isEqualTo(204);
        assertThat(as("carol").post("/api/communities/" + rejoined + "/members", null).status()).isEqualTo(201);
        jdbc.update("UPDATE community_membership SET leader = false WHERE community_id IN (?::uuid, ?::uuid, ?::uuid)",
                community, other, rejoined);
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V5__leaders_and_withdrawn.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        jdbc.update(migration.substring(migration.indexOf("UPDATE community_membership")));
        assertThat(jdbc.queryForList("SELECT member_id FROM community_membership WHERE community_id = ?::uuid AND leader",
                String.class, community)).containsExactly("alice");
        assertThat(jdbc.queryForList("SELECT member_id FROM community_membership WHERE community_id = ?::uuid",
                String.class, other)).isEmpty(); // the founder left: nobody to mark
        assertThat(jdbc.queryForList("SELECT member_id FROM community_membership WHERE community_id = ?::uuid AND leader",
                String.class, rejoined)).as("the founder left once").isEmpty();
    }

    private String leaders() {
        return "/api/communities/" + community + "/leaders";
    }

    private static void problem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.header("X-Event-Position")).isNull();
    }
}
