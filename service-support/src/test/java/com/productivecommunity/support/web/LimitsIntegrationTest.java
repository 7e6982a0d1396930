package com.productivecommunity.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Per-member limits with small settings: a burst of commands, of reads, and concurrent awaited reads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.limits.commands.capacity=3", "platform.limits.commands.per-second=1",
        "platform.limits.reads.capacity=5", "platform.limits.reads.per-second=1",
        "platform.limits.await-per-member=1"})
class LimitsIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void commandsOverTheBurstAre429WithRetryAfterAndOtherMembersAreNotAffected() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(post("bob")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = send(post("bob"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 2);
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("1 per second");
        assertThat(send(post("carol")).statusCode()).isEqualTo(200);

        Thread.sleep(1_100);
        assertThat(send(post("bob")).statusCode()).as("refilled after a second").isEqualTo(200);
    }

    @Test
    void readsHaveTheirOwnBucket() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send(get("/api/me", "frank")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = send(get("/api/me", "frank"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(send(post("frank")).statusCode()).as("commands are counted apart").isEqualTo(200);
    }

    @Test
    void aMemberMayHaveOnlyTheConfiguredNumberOfAwaitedReadsAtOnce() throws Exception {
        SupportTestApplication.SLOW_ENTERED = new CountDownLatch(1);
        SupportTestApplication.SLOW_RELEASE = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(awaiting("grace"), HttpResponse.BodyHandlers.ofString());
        assertThat(SupportTestApplication.SLOW_ENTERED.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> second = send(awaiting("grace"));
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(send(get("/api/me", "grace")).statusCode()).as("a read that does not wait is not capped").isEqualTo(200);

        SupportTestApplication.SLOW_RELEASE.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        SupportTestApplication.SLOW_ENTERED = new CountDownLatch(0);
        assertThat(send(awaiting("grace")).statusCode()).as("the slot is free again").isEqualTo(200);
    }

    private HttpRequest awaiting(String user) {
        return HttpRequest.newBuilder(uri("/api/slow")).header("Authorization", basic(user))
                .header("X-Await-Position", "a:1").GET().build();
    }

    private HttpRequest post(String user) {
        return HttpRequest.newBuilder(uri("/api/paints")).header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ok\"}")).build();
    }

    private HttpRequest get(String path, String user) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
