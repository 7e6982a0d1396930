package com.productivecommunity.query.search;

import static com.productivecommunity.query.Events.founded;
import static com.productivecommunity.query.Events.joined;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.query.Events;
import com.productivecommunity.query.QueryIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/search on the real PostgreSQL (the shared context's database of this JVM, migrated by Flyway), fed
 * through the topic. Every test searches for words it made up itself, so other tests' data never matches.
 */
class SearchIntegrationTest extends QueryIntegrationTest {

    private static final Random random = new Random();

    @Test
    void aWordInTheTitleOutranksTheSameWordInTheBodyAndCommunitiesAreFoundByNameAndPurpose() {
        String word = word();
        UUID community = UUID.randomUUID();
        UUID purposeOnly = UUID.randomUUID();
        UUID inTitle = UUID.randomUUID();
        UUID inBody = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        publishAndAwait(List.of(
                founded(community, "carol", "Guild of " + word, "talk about " + word()),
                founded(purposeOnly, "carol", "Plain name " + word(), "we care about " + word + " a lot"),
                post(community, inBody, "carol", "Something else entirely", "Here the " + word + " is only in the body"),
                post(community, inTitle, "carol", "All about " + word, "A body without the word"),
                post(community, elsewhere, "carol", "Unrelated " + word(), "nothing to see")));

        JsonNode page = search("q=" + word, "alice");
        List<String> order = new ArrayList<>();
        page.get("items").forEach(hit -> order.add(hit.get("type").asText() + " " + id(hit)));
        // Name and title (weight A) before purpose and body (weight B); at equal rank a community comes first.
        assertThat(order).containsExactly("COMMUNITY " + community, "CONTRIBUTION " + inTitle,
                "COMMUNITY " + purposeOnly, "CONTRIBUTION " + inBody);
        assertThat(page.get("next").isNull()).isTrue();
        List<Double> ranks = new ArrayList<>();
        page.get("items").forEach(hit -> ranks.add(hit.get("rank").asDouble()));
        assertThat(ranks.get(1)).isGreaterThan(ranks.get(3));
        assertThat(ranks).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        JsonNode title = page.get("items").get(1);
        assertThat(title.get("communityId").asText()).isEqualTo(community.toString());
        assertThat(title.get("communityName").asText()).isEqualTo("Guild of " + word);
        assertThat(title.get("community").isNull()).isTrue();
        assertThat(title.get("contribution").get("title").asText()).isEqualTo("All about " + word);
        assertThat(title.get("contribution").get("authorId").asText()).isEqualTo("carol");
        assertThat(title.get("contribution").get("kind").asText()).isEqualTo("POST");
        JsonNode guild = page.get("items").get(0);
        assertThat(guild.get("community").get("name").asText()).isEqualTo("Guild of " + word);
        assertThat(guild.get("community").get("memberCount").asInt()).isEqualTo(1);
        assertThat(guild.get("contribution").isNull()).isTrue();
    }

    @Test
    void stemmingPhrasesAndExclusionWorkAsInAWebSearch() {
        String word = word();
        String other = word();
        UUID community = UUID.randomUUID();
        UUID both = UUID.randomUUID();
        UUID only = UUID.randomUUID();
        publishAndAwait(List.of(founded(community, "carol", "Stems " + word(), "stemming"),
                post(community, both, "carol", "Answering " + word + " " + other, "questions"),
                post(community, only, "carol", "Answered " + word, "body")));
        assertThat(ids(search("q=" + word + "+answers", "alice"))).containsExactlyInAnyOrder(both.toString(), only.toString());
        assertThat(ids(search("q=" + word + "+" + other, "alice"))).containsExactly(both.toString());
        assertThat(ids(search("q=" + enc("\"" + other + " " + word + "\""), "alice"))).isEmpty();
        assertThat(ids(search("q=" + enc("\"" + word + " " + other + "\""), "alice"))).containsExactly(both.toString());
        assertThat(ids(search("q=" + enc(word + " -" + other), "alice"))).containsExactly(only.toString());
        assertThat(ids(search("q=" + enc(other + " or " + word()), "alice"))).containsExactly(both.toString());
    }

    @Test
    void theCommunityAndAuthorFiltersKeepOnlyThatCommunitysOrThatMembersContributions() {
        String word = word();
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        UUID carolInOne = UUID.randomUUID();
        UUID bobInOne = UUID.randomUUID();
        UUID bobInTwo = UUID.randomUUID();
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        publishAndAwait(List.of(founded(one, "carol", "One " + word, "first"), founded(two, "bob", "Two", word),
                joined(one, "bob", null),
                post(one, carolInOne, "carol", "Carol on " + word, "x"),
                post(one, bobInOne, "bob", "Bob on " + word, "y"),
                post(two, bobInTwo, "bob", "Bob again", "the " + word + " in two"),
                new ContributionPosted(UUID.randomUUID(), two, "carol", Events.now(), question, ContributionKind.QUESTION,
                        "Why so?", "asking", null, null),
                new ContributionPosted(UUID.randomUUID(), two, "bob", Events.now(), answer, ContributionKind.ANSWER,
                        null, "because " + word, question, "carol")));

        assertThat(types(search("q=" + word, "alice"))).contains("COMMUNITY");
        JsonNode inOne = search("q=" + word + "&community=" + one, "alice");
        assertThat(ids(inOne)).containsExactlyInAnyOrder(carolInOne.toString(), bobInOne.toString());
        assertThat(types(inOne)).containsOnly("CONTRIBUTION");
        assertThat(ids(search("q=" + word + "&author=bob", "alice")))
                .containsExactlyInAnyOrder(bobInOne.toString(), bobInTwo.toString(), answer.toString());
        assertThat(ids(search("q=" + word + "&author=bob&community=" + two, "alice")))
                .containsExactlyInAnyOrder(bobInTwo.toString(), answer.toString());
        assertThat(ids(search("q=" + word + "&author=nobody", "alice"))).isEmpty();
        // An answer is found by its body and links to the question it answers.
        JsonNode found = search("q=" + word + "&community=" + two + "&author=bob", "alice");
        found.get("items").forEach(hit -> {
            if (hit.get("contribution").get("contributionId").asText().equals(answer.toString())) {
                assertThat(hit.get("contribution").get("inReplyTo").asText()).isEqualTo(question.toString());
            }
        });
    }

    @Test
    void pagingWithTheCursorReadsEveryResultOnceInRankOrder() {
        String word = word();
        UUID community = UUID.randomUUID();
        List<CommunityEvent> events = new ArrayList<>(List.of(founded(community, "carol", "Paging", "pages")));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            UUID id = UUID.randomUUID();
            expected.add(id.toString());
            // Three kinds of match (title, body, both, the body one with the word repeated): many equal ranks,
            // so the id must break ties for the pages to be stable.
            String title = i % 3 == 0 ? "Title " + word : "Title " + i;
            String body = i % 3 == 1 ? "body " + word : i % 3 == 2 ? word + " and " + word + " again" : "plain";
            events.add(post(community, id, i % 2 == 0 ? "carol" : "bob", title, body));
        }
        events.add(post(community, UUID.randomUUID(), "carol", "No match", "nothing"));
        publishAndAwait(events);

        JsonNode all = search("q=" + word + "&limit=100", "alice");
        List<String> inOne = ids(all);
        assertThat(inOne).hasSize(23);
        for (int limit : List.of(1, 4, 7, 23)) {
            List<String> read = new ArrayList<>();
            List<Double> ranks = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                JsonNode page = search("q=" + word + "&limit=" + limit + (next == null ? "" : "&before=" + next), "alice");
                assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
                read.addAll(ids(page));
                page.get("items").forEach(hit -> ranks.add(hit.get("rank").asDouble()));
                next = page.get("next").isNull() ? null : page.get("next").asText();
                pages++;
            } while (next != null && pages < 50);
            assertThat(read).as("limit " + limit).doesNotHaveDuplicates().containsExactlyElementsOf(inOne);
            assertThat(new HashSet<>(read)).isEqualTo(expected);
            assertThat(ranks).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(pages).as("limit " + limit).isEqualTo((23 + limit - 1) / limit);
        }
        // New matches arriving between pages never repeat or shift what a later page holds: the keyset holds.
        JsonNode first = search("q=" + word + "&limit=10", "alice");
        publishAndAwait(List.of(post(community, UUID.randomUUID(), "carol", word + " " + word, "late " + word)));
        JsonNode second = search("q=" + word + "&limit=10&before=" + first.get("next").asText(), "alice");
        assertThat(ids(second)).containsExactlyElementsOf(inOne.subList(10, 20));
    }

    @Test
    void everyAuthenticatedMemberFindsWhatFeedsShowThemAndAnonymousCallersNothing() {
        String word = word();
        UUID community = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        publishAndAwait(List.of(founded(community, "carol", "Open " + word, "open to all"),
                joined(community, "alice", null), post(community, post, "alice", "Seen by all " + word, "body")));
        // The feeds' rule (docs/api.md): every authenticated member reads every community, members or not.
        List<String> member = ids(search("q=" + word, "alice"));
        assertThat(member).contains(post.toString());
        for (String caller : List.of("frank", "dana", "erin")) {
            assertThat(ids(search("q=" + word, caller))).as(caller).isEqualTo(member);
        }
        HttpResponse<String> anonymous = get("/api/search?q=" + word, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain(word);
    }

    @Test
    void aMissingBlankTooLongOrMalformedQIs400NamingQ() {
        for (String q : List.of("", "q=", "q=%20%20", "q=%E2%80%8B", "q=" + "x".repeat(201), "q=" + "%F0%9F%98%80".repeat(201),
                "q=a%00b", "q=a%01b", "q=a%0Ab", "q=a%0Db", "q=a%09b", "q=a%7Fb", "q=a%C2%85b", "q=%EF%BB%BFa", "q=a%E2%80%A8b",
                "q=a%EF%B7%90b", "q=a%EF%BF%BEb")) {
            badRequest(get("/api/search?" + q, "alice"), "q");
        }
        assertThat(get("/api/search?q=" + "x".repeat(200), "alice").statusCode()).isEqualTo(200);
        assertThat(get("/api/search?q=" + "%F0%9F%98%80".repeat(200), "alice").statusCode()).isEqualTo(200);
        // Not UTF-8 (an encoded surrogate, a lone continuation byte): whatever the container makes of it, never a 5xx.
        for (String q : List.of("%ED%A0%80", "%80", "%FF%FE", "%C0%AF")) {
            assertThat(get("/api/search?q=" + q, "alice").statusCode()).as(q).isLessThan(500);
        }
    }

    @Test
    void aBadLimitCursorCommunityOrAuthorIs400NamingItAndAnUnknownCommunity404() {
        for (String limit : List.of("0", "101", "-1", "abc", "1.5", "1e2", "%2B5", "0x10", "99999999999")) {
            badRequest(get("/api/search?q=x&limit=" + limit, "alice"), "limit");
        }
        String id = UUID.randomUUID().toString();
        for (String cursor : List.of("!!!", "%00", "not-a-cursor", encode("3f000000|0|" + id), encode("3f000000|2|" + id + "|abc"),
                encode("zz|0|" + id + "|abc"), encode("7fc00000|0|" + id + "|" + SearchCursor.fingerprint("x", null, null)),
                encode("7f800000|0|" + id + "|" + SearchCursor.fingerprint("x", null, null)),
                encode("bf800000|0|" + id + "|" + SearchCursor.fingerprint("x", null, null)),
                encode("3f000000|0|1-1-1-1-1|" + SearchCursor.fingerprint("x", null, null)),
                encode("123456789|0|" + id + "|" + SearchCursor.fingerprint("x", null, null)),
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}))) {
            badRequest(get("/api/search?q=x&before=" + cursor, "alice"), "before");
        }
        String good = encode("3f000000|0|" + id + "|" + SearchCursor.fingerprint("x", null, null));
        assertThat(get("/api/search?q=x&before=" + good, "alice").statusCode()).isEqualTo(200);
        // A cursor of another search (other q, other filters) is refused rather than read from an arbitrary place.
        badRequest(get("/api/search?q=y&before=" + good, "alice"), "before");
        badRequest(get("/api/search?q=x&author=bob&before=" + good, "alice"), "before");
        for (String community : List.of("not-a-uuid", "1-1-1-1-1", id.replace("-", ""), id + "0", "%00")) {
            badRequest(get("/api/search?q=x&community=" + community, "alice"), "community");
        }
        assertThat(get("/api/search?q=x&community=" + id, "alice").statusCode()).isEqualTo(404);
        for (String author : List.of("%00", "a%00b", "%20alice", "alice%0A", "%EF%BB%BF", "x".repeat(256))) {
            badRequest(get("/api/search?q=x&author=" + author, "alice"), "author");
        }
    }

    @Test
    void hostileOrUnusualQueriesAreAnsweredNeverAServerError() {
        String word = word();
        UUID community = UUID.randomUUID();
        UUID post = UUID.randomUUID();
        UUID unicode = UUID.randomUUID();
        publishAndAwait(List.of(founded(community, "carol", "Hostile " + word(), "input"),
                post(community, post, "carol", "Operators " + word, "body"),
                post(community, unicode, "carol", "Größenordnung 日本語のテキスト 𝔘𝔫𝔦𝔠𝔬𝔡𝔢" + word, "ÉCOLE déjà vu " + word)));
        // Every one of these still finds the post: websearch_to_tsquery reads operators as separators.
        for (String q : List.of(word, "\"" + word + "\"", word + ":*", "(" + word + ")", word + " & |", "'" + word + "'",
                word + " 😀", "!" + word, word + " <-> ", "\\" + word, word + " or", "\"" + word,
                word.toUpperCase(), " " + word + "\u3000")) {
            HttpResponse<String> response = get("/api/search?q=" + enc(q), "alice");
            assertThat(response.statusCode()).as(q + " " + response.body()).isEqualTo(200);
            assertThat(ids(read(response.body()))).as(q).contains(post.toString());
        }
        for (String q : List.of("&|!:*()", "&", "|", "!", ":*", "()", "(((", ")))", "\"", "\"\"", "-", "--", "or", "or or",
                "<->", "<1>", "'", "''", "\\", "%", "_", "*", "the", "a & b | !c", "😀", "👨‍🔧", "𝔘", "\uD83D\uDE00\u200D",
                "\u202Etxet\u202C", "e\u0301\u0301\u0301", "\uE000", "日本", "ـ", "\u00A0x\u00A0", "x".repeat(199) + "😀",
                "🏳️‍🌈".repeat(20), "a:b:c:d", "a&b|c!d", "$1", "?", "; SELECT 1", "'); DROP TABLE contribution; --")) {
            // Valid text, so a search like any other: answered (often with nothing), never an error.
            HttpResponse<String> response = get("/api/search?q=" + enc(q), "alice");
            assertThat(response.statusCode()).as(q + " " + response.body()).isEqualTo(200);
            assertThat(read(response.body()).get("items").isArray()).isTrue();
        }
        // Words in any script are found by themselves.
        for (String q : List.of("größenordnung", "日本語のテキスト", "école", "DÉJÀ")) {
            assertThat(ids(search("q=" + enc(q + " " + word), "alice"))).as(q).containsExactly(unicode.toString());
        }
        assertThat(ids(search("q=" + enc("𝔘𝔫𝔦𝔠𝔬𝔡𝔢" + word), "alice"))).containsExactly(unicode.toString());
        assertThat(ids(search("q=" + enc("&|!:*()"), "alice"))).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** A word nobody else writes: letters only (the parser's "asciiword"), so it is one lexeme. */
    private static String word() {
        StringBuilder word = new StringBuilder("qx");
        String letters = "bcdfghjklmnpqrtvwxz";
        for (int i = 0; i < 10; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }

    private static ContributionPosted post(UUID community, UUID id, String author, String title, String body) {
        return new ContributionPosted(UUID.randomUUID(), community, author, Events.now(), id, ContributionKind.POST, title,
                body, null, null);
    }

    private JsonNode search(String query, String user) {
        return getJson("/api/search?" + query, user);
    }

    private static String id(JsonNode hit) {
        return hit.get("type").asText().equals("COMMUNITY") ? hit.get("communityId").asText()
                : hit.get("contribution").get("contributionId").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(hit -> {
            if (hit.get("type").asText().equals("CONTRIBUTION")) {
                ids.add(hit.get("contribution").get("contributionId").asText());
            }
        });
        return ids;
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("items").forEach(hit -> types.add(hit.get("type").asText()));
        return types;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
