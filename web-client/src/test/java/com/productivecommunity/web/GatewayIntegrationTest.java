package com.productivecommunity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway over real HTTP: three stub services (which only echo what reached them: this tests routing, not
 * the services) behind the real web client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIntegrationTest {

    /** What one stub service saw. */
    record Seen(String service, String method, String uri, String authorization, String awaitPosition, String body) {
    }

    private static final BlockingQueue<Seen> SEEN = new LinkedBlockingQueue<>();
    private static final CountDownLatch RELEASE_STREAM = new CountDownLatch(1);
    private static final HttpServer COMMAND = stub("command");
    private static final HttpServer QUERY = stub("query");
    private static final HttpServer ANALYTICS = stub("analytics");

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("platform.web.command-url", () -> url(COMMAND));
        registry.add("platform.web.query-url", () -> url(QUERY));
        registry.add("platform.web.analytics-url", () -> url(ANALYTICS));
    }

    @AfterAll
    static void stopStubs() {
        RELEASE_STREAM.countDown();
        List.of(COMMAND, QUERY, ANALYTICS).forEach(server -> server.stop(0));
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    @Test
    void callsBeforeLoginAreRefusedWithoutReachingAService() throws Exception {
        HttpResponse<String> response = send(get("/api/communities"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(response.body()).contains("sign in");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void wrongPasswordIsRefusedInPlainWords() throws Exception {
        HttpResponse<String> response = send(write("POST", "/login", "{\"user\":\"alice\",\"password\":\"nope\"}"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Wrong user name or password.");
        assertThat(send(get("/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void loginKeepsTheCredentialServerSideAndEveryCallGoesToItsService() throws Exception {
        HttpResponse<String> login = login();
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).doesNotContain("alice:alice").contains("\"name\":\"alice\"");
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
        SEEN.clear();

        assertThat(send(get("/api/communities?x=1")).body()).isEqualTo("query GET /api/communities?x=1");
        assertThat(send(write("POST", "/api/communities", "{\"name\":\"n\"}")).body()).isEqualTo("command POST /api/communities");
        assertThat(send(write("PUT", "/api/contributions/q/accepted-answer", "{}")).body()).startsWith("command PUT");
        assertThat(send(write("DELETE", "/api/communities/c/members/me", null)).body()).startsWith("command DELETE");
        assertThat(send(get("/api/analytics/communities/c/members/alice/ledger")).body()).startsWith("analytics GET");
        assertThat(send(write("POST", "/api/admin/projections/query/rebuild", null)).body()).startsWith("query POST");
        assertThat(send(write("POST", "/api/admin/projections/analytics/rebuild", null)).body()).startsWith("analytics POST");

        Seen posted = SEEN.stream().filter(s -> s.method().equals("POST") && s.uri().equals("/api/communities")).findFirst().orElseThrow();
        assertThat(posted.authorization()).isEqualTo("Basic YWxpY2U6YWxpY2U=");
        assertThat(posted.body()).isEqualTo("{\"name\":\"n\"}");
    }

    @Test
    void statusBodyAndReadYourWritesHeadersPassThrough() throws Exception {
        login();
        HttpResponse<String> created = send(write("POST", "/api/communities/c/contributions", "{}"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Event-Position")).hasValue("agg-1:7");

        HttpResponse<String> problem = send(write("POST", "/api/status/409", "{}"));
        assertThat(problem.statusCode()).isEqualTo(409);
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.body()).contains("\"detail\":\"already a member\"");

        SEEN.clear();
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/feed")).header("X-Await-Position", "agg-1:7").GET());
        assertThat(read.headers().firstValue("X-Position-Reached")).hasValue("false");
        assertThat(SEEN.poll(5, TimeUnit.SECONDS).awaitPosition()).isEqualTo("agg-1:7");
    }

    @Test
    void downloadsComeThroughAsAttachmentsFromTheServiceThatOwnsThem() throws Exception {
        login();
        SEEN.clear();
        HttpResponse<String> csv = send(get("/api/analytics/communities/c/exports/trail?format=csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv;").contains("header=present").contains("charset=UTF-8"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"community-c-trail-v1.csv\"");
        assertThat(csv.body()).startsWith("# export: trail\r\n");

        HttpResponse<String> log = send(get("/api/audit/export"));
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.headers().firstValue("Content-Type")).hasValue("application/jsonl");
        assertThat(log.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"audit-export.jsonl\"");
        assertThat(log.body()).isEqualTo("{\"type\":\"header\"}\n");

        HttpResponse<String> key = send(get("/api/audit/public-key"));
        assertThat(key.body()).isEqualTo("command GET /api/audit/public-key");
        assertThat(key.headers().firstValue("X-Key-Id")).hasValue("ab12");
        assertThat(SEEN.stream().map(Seen::service)).containsExactly("analytics", "command", "command");
    }

    @Test
    void writesWithoutTheRequestedWithHeaderAreRefusedAsCrossSite() throws Exception {
        login();
        SEEN.clear();
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(uri("/api/communities"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(SEEN).isEmpty();
        assertThat(browser.send(HttpRequest.newBuilder(uri("/logout")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(send(get("/me")).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        login();
        assertThat(send(get("/me")).body()).contains("alice");

        assertThat(send(write("POST", "/logout", null)).statusCode()).isEqualTo(204);

        assertThat(send(get("/me")).statusCode()).isEqualTo(401);
        assertThat(send(get("/api/feed")).statusCode()).isEqualTo(401);
    }

    @Test
    void liveStreamEventsArriveBeforeTheStreamEnds() throws Exception {
        login();
        HttpResponse<InputStream> stream = browser.send(HttpRequest.newBuilder(uri("/api/feed/stream"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));

        // The stub holds the stream open until released: these lines can only come through unbuffered.
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine() + "|" + lines.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("event:contribution|data:{\"contributionId\":\"c1\"}");
        stream.body().close();
    }

    private HttpResponse<String> login() throws Exception {
        return send(write("POST", "/login", "{\"user\":\"alice\",\"password\":\"alice\"}"));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder write(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-Requested-With", "fetch")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return json == null ? request : request.header("Content-Type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static HttpServer stub(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> answer(service, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().toString();
        String method = exchange.getRequestMethod();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        SEEN.add(new Seen(service, method, uri, authorization, exchange.getRequestHeaders().getFirst("X-Await-Position"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        if (uri.startsWith("/api/feed?limit=1")) {
            reply(exchange, "Basic YWxpY2U6YWxpY2U=".equals(authorization) ? 200 : 401, "application/json", "{}");
        } else if (uri.equals("/api/feed/stream")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("event:contribution\ndata:{\"contributionId\":\"c1\"}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                RELEASE_STREAM.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        } else if (uri.startsWith("/api/status/409")) {
            reply(exchange, 409, "application/problem+json", "{\"status\":409,\"title\":\"Conflict\",\"detail\":\"already a member\"}");
        } else if (uri.equals("/api/communities/c/contributions")) {
            exchange.getResponseHeaders().add("X-Event-Position", "agg-1:7");
            reply(exchange, 201, "application/json", "{\"contributionId\":\"x\"}");
        } else if (uri.equals("/api/analytics/communities/c/exports/trail?format=csv")) {
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"community-c-trail-v1.csv\"");
            reply(exchange, 200, "text/csv;charset=UTF-8;header=present", "# export: trail\r\n");
        } else if (uri.equals("/api/audit/export") && service.equals("command")) {
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"audit-export.jsonl\"");
            reply(exchange, 200, "application/jsonl", "{\"type\":\"header\"}\n");
        } else if (uri.equals("/api/audit/public-key")) {
            exchange.getResponseHeaders().add("X-Key-Id", "ab12");
            reply(exchange, 200, "text/plain", service + " " + method + " " + uri);
        } else if (uri.equals("/api/feed")) {
            exchange.getResponseHeaders().add("X-Position-Reached", "false");
            reply(exchange, 200, "application/json", "{\"items\":[],\"next\":null}");
        } else {
            reply(exchange, 200, "text/plain", service + " " + method + " " + uri);
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
