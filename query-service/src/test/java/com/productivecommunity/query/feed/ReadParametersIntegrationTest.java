package com.productivecommunity.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.query.QueryIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every parameter a read parses from the client ends in a 400 naming it when it is wrong, never in a 5xx. */
class ReadParametersIntegrationTest extends QueryIntegrationTest {

    private static final String ID = "0b6b2f8e-4a8e-4a36-8d6e-0e6f3d3f5b7c";

    @Test
    void aLimitThatIsNotAnIntegerFromOneToAHundredIs400() {
        for (String feed : feeds()) {
            for (String limit : List.of("0", "101", "-1", "abc", "1.5", "99999999999", "%00", "1e2", "%2B5", "0x10", "%2310", "%20%205", "１")) {
                badRequest(get(feed + "?limit=" + limit, "alice"), "limit");
            }
            assertThat(get(feed + "?limit=1", "alice").statusCode()).isIn(200, 404);
            assertThat(get(feed + "?limit=100", "alice").statusCode()).isIn(200, 404);
        }
    }

    @Test
    void aCursorThatIsNotOneThisServiceWroteIs400() {
        List<String> cursors = List.of("!!!", "%00", "not-a-cursor", "a", encode("hello"), encode("x|y"), encode("|"),
                encode("2026-11-26T10:15:30Z|not-a-uuid"), encode("2026-11-26T10:15:30Z"),
                encode("2026-11-26T10:15:30Z|" + ID + "|more"), encode("2026-11-26T10:15:30Z|1-1-1-1-1"),
                encode("2026-11-26T10:15:30Z\u0000|" + ID),
                // Instants Java reads but OffsetDateTime or PostgreSQL's timestamptz cannot hold.
                encode("+1000000000-12-31T23:59:59.999999999Z|" + ID), encode("-1000000000-01-01T00:00:00Z|" + ID),
                encode("-5000-01-01T00:00:00Z|" + ID), encode("+300000-01-01T00:00:00Z|" + ID),
                encode("+10000-01-01T00:00:00Z|" + ID),
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}));
        for (String feed : feeds()) {
            for (String cursor : cursors) {
                badRequest(get(feed + "?before=" + cursor, "alice"), "before");
            }
        }
    }

    @Test
    void aCursorAtTheEdgesOfTheSupportedRangeIsRead() {
        for (String instant : List.of("0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z")) {
            HttpResponse<String> response = get("/api/feed?before=" + encode(instant + "|" + ID), "alice");
            assertThat(response.statusCode()).as(instant + " " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void aMemberFilterThatIsNoMemberIdIs400() {
        for (String member : List.of("%00", "a%00b", "%20alice", "alice%0A", "%EF%BB%BF", "x".repeat(256))) {
            badRequest(get("/api/communities?member=" + member, "alice"), "member");
        }
        assertThat(get("/api/communities?member=" + "x".repeat(255), "alice").statusCode()).isEqualTo(200);
        // Not UTF-8 (an encoded surrogate): whatever the container makes of it, never a 5xx.
        assertThat(get("/api/communities?member=%ED%A0%80", "alice").statusCode()).isLessThan(500);
    }

    @Test
    void aMalformedPathIdIs400AndAWellFormedUnknownOne404() {
        for (String path : List.of("/api/communities/%s", "/api/communities/%s/feed", "/api/contributions/%s",
                "/api/communities/%s/feed/stream")) {
            String field = path.startsWith("/api/contributions") ? "contributionId" : "communityId";
            for (String id : List.of("not-a-uuid", "1-1-1-1-1", ID.replace("-", ""), ID + "0", "%E2%80%8B" + ID)) {
                badRequest(get(path.formatted(id), "alice"), field);
            }
            // Tomcat itself refuses a NUL in the path, with its own 400 page, before any of our code runs.
            assertThat(get(path.formatted("%00"), "alice").statusCode()).isEqualTo(400);
            assertThat(get(path.formatted(UUID.randomUUID()), "alice").statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aMalformedAwaitPositionIs400() {
        for (String header : List.of("x", "a:b", ":1", "a:", "a:-1", "a:99999999999999999999", "a:1,", ",", "a:1.5")) {
            HttpResponse<String> response = get("/api/communities", "alice", "X-Await-Position", header);
            assertThat(response.statusCode()).as(header).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    private static List<String> feeds() {
        return List.of("/api/feed", "/api/communities/" + UUID.randomUUID() + "/feed");
    }
}
