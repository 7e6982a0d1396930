package com.productivecommunity.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.OutcomeValue;
import com.productivecommunity.events.Text;
import com.productivecommunity.query.Events;
import com.productivecommunity.query.QueryIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whatever the command side accepts, query-service stores and shows exactly: texts at their longest, of
 * every plane and with every kind of character the text rule lets through. (It stores no outcome value:
 * OutcomeRecorded changes nothing it shows, so an outcome at the largest value only has to be applied.)
 */
class TextLimitsIntegrationTest extends QueryIntegrationTest {

    private static final String ASTRAL = new String(Character.toChars(0x1F9EA)) + new String(Character.toChars(0x10FFFD));
    /** Five code points of the classes the rule accepts: astral, combining, ZWJ, private use, right-to-left mark. */
    private static final String MIX = "\u00E9\u0301\u200D\uE000\u200F";

    @Test
    void theLongestValidTextsReadBackAsTheyWereStored() {
        UUID community = UUID.randomUUID();
        UUID contribution = UUID.randomUUID();
        String member = "m".repeat(254) + ASTRAL.substring(0, 2);
        String name = (ASTRAL + MIX.substring(0, 3)).repeat(20);
        String purpose = ("line" + ASTRAL + "\n\t").repeat(62) + "ends"; // 500 code points
        String title = (MIX + ASTRAL + "t").repeat(25);
        String body = ("  indented " + MIX + ASTRAL + "\n").repeat(1_052) + "b".repeat(12); // 20,000
        for (var check : List.of(new Object[] {member, Text.MEMBER_ID}, new Object[] {name, Text.COMMUNITY_NAME},
                new Object[] {purpose, Text.PURPOSE}, new Object[] {title, Text.CONTRIBUTION_TITLE},
                new Object[] {body, Text.CONTRIBUTION_BODY})) {
            String text = (String) check[0];
            Text.Rule rule = (Text.Rule) check[1];
            assertThat(Text.isValid(text, rule)).as(rule + " " + text.codePointCount(0, text.length())).isTrue();
        }
        assertThat(name.codePointCount(0, name.length())).isEqualTo(100);
        assertThat(title.codePointCount(0, title.length())).isEqualTo(200);
        assertThat(purpose.codePointCount(0, purpose.length())).isEqualTo(500);
        assertThat(body.codePointCount(0, body.length())).isEqualTo(20_000);

        publishAndAwait(List.of(Events.founded(community, member, name, purpose),
                Events.memberPurpose(community, member, purpose),
                new ContributionPosted(UUID.randomUUID(), community, member, Events.now(), contribution,
                        ContributionKind.QUESTION, title, body, null, null),
                Events.outcome(community, member, OutcomeValue.MAX, List.of(contribution), List.of(member))));

        JsonNode detail = getJson("/api/communities/" + community, "alice");
        assertThat(detail.get("name").asText()).isEqualTo(name);
        assertThat(detail.get("purpose").asText()).isEqualTo(purpose);
        assertThat(detail.get("members").get(0).get("memberId").asText()).isEqualTo(member);
        assertThat(detail.get("members").get(0).get("purpose").asText()).isEqualTo(purpose);
        JsonNode thread = getJson("/api/contributions/" + contribution, "alice");
        assertThat(thread.get("title").asText()).isEqualTo(title);
        assertThat(thread.get("body").asText()).isEqualTo(body);
        assertThat(thread.get("authorId").asText()).isEqualTo(member);
        assertThat(communityIds(getJson("/api/communities?member=" + java.net.URLEncoder.encode(member,
                java.nio.charset.StandardCharsets.UTF_8), "alice"))).containsExactly(community.toString());
    }

    private static List<String> communityIds(JsonNode communities) {
        List<String> ids = new java.util.ArrayList<>();
        communities.forEach(c -> ids.add(c.get("communityId").asText()));
        return ids;
    }
}
