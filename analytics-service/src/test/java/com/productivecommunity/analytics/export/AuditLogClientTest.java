package com.productivecommunity.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What an export says when the audit log cannot be reached, and which credential it sends the log. */
class AuditLogClientTest {

    @Test
    void aLogThatCannotBeReachedIsSaidSoAndNothingIsFilledIn() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AuditLogClient client = new AuditLogClient(new AuditLogProperties(URI.create("http://127.0.0.1:" + port), null,
                null, Duration.ofSeconds(2)), new ObjectMapper());
        UUID event = UUID.randomUUID();
        Map<String, Object> block = client.coverage(event, "Basic eDp4");
        assertThat(block).containsEntry("status", "unavailable").containsEntry("eventId", event.toString())
                .doesNotContainKeys("treeSize", "root", "signature");
        assertThat((String) block.get("detail")).startsWith("the audit log could not be read");
        assertThat(block.get("source")).isEqualTo("http://127.0.0.1:" + port + "/api/audit/inclusion?eventId=" + event);
    }

    @Test
    void aConfiguredAuditorIsSentInsteadOfTheCaller() throws Exception {
        AtomicReference<String> sent = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/audit/tree-head", exchange -> {
            sent.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"size\":3,\"root\":\"cg==\",\"timestamp\":\"2026-11-26T09:00:00.000Z\",\"signature\":\"cw==\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            Map<String, Object> block = new AuditLogClient(new AuditLogProperties(url, "erin", "secret",
                    Duration.ofSeconds(2)), new ObjectMapper()).coverage(null, "Basic ZGFuYTpkYW5h");
            assertThat(sent.get()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("erin:secret".getBytes(StandardCharsets.UTF_8)));
            assertThat(block).containsEntry("status", "no-events").containsEntry("treeSize", 3L)
                    .containsEntry("root", "cg==").containsEntry("signature", "cw==")
                    .containsEntry("source", url.toString().replaceAll("/$", "") + "/api/audit/tree-head");

            new AuditLogClient(new AuditLogProperties(url, null, null, Duration.ofSeconds(2)), new ObjectMapper())
                    .coverage(null, "Basic ZGFuYTpkYW5h");
            assertThat(sent.get()).isEqualTo("Basic ZGFuYTpkYW5h");
        } finally {
            server.stop(0);
        }
    }
}
