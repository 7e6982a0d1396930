package com.productivecommunity.analytics.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Asks command-service's audit log ({@code GET /api/audit/inclusion?eventId=}) at which log position an export's
 * last event is and which signed tree head includes it; with no event, for the latest signed head. Never invents:
 * whatever the log answers (409: logged but not under a signed head yet; 404: not in the log; 401/403; no answer)
 * becomes the status and detail of the export's {@code auditLog} block.
 */
@Component
class AuditLogClient {

    static final String COVERED = "covered";
    static final String NOT_YET_COVERED = "not-yet-covered";
    static final String NOT_IN_LOG = "not-in-log";
    static final String NO_EVENTS = "no-events";
    static final String UNAVAILABLE = "unavailable";

    private final AuditLogProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;

    AuditLogClient(AuditLogProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /** The {@code auditLog} block for an export whose last event is {@code eventId} (null: it has none). */
    Map<String, Object> coverage(UUID eventId, String callerAuthorization) {
        Map<String, Object> block = new LinkedHashMap<>();
        String path = eventId == null ? "/api/audit/tree-head" : "/api/audit/inclusion?eventId=" + eventId;
        URI uri = URI.create(properties.url().toString().replaceAll("/+$", "") + path);
        block.put("source", uri.toString());
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("Accept", "application/json").GET();
            String authorization = authorization(callerAuthorization);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status == 200) {
                JsonNode body = json.readTree(response.body());
                JsonNode head = eventId == null ? body : body.get("treeHead");
                block.put("status", eventId == null ? NO_EVENTS : COVERED);
                block.put("detail", eventId == null
                        ? "the export reflects no event; the latest signed tree head, for reference"
                        : "the export's last event is at log position " + body.path("position").asLong()
                                + ", included in the signed tree head of size " + head.path("size").asLong());
                if (eventId != null) {
                    block.put("eventId", eventId.toString());
                    block.put("eventPosition", body.path("position").asLong());
                    block.put("leafHash", body.path("leafHash").asText());
                    List<String> proof = new ArrayList<>();
                    body.path("proof").forEach(hash -> proof.add(hash.asText()));
                    block.put("inclusionProof", proof);
                }
                block.put("treeSize", head.path("size").asLong());
                block.put("root", head.path("root").asText());
                block.put("timestamp", head.path("timestamp").asText());
                block.put("signature", head.path("signature").asText());
                return block;
            }
            String detail = problemDetail(response.body());
            block.put("status", status == 409 ? NOT_YET_COVERED : status == 404 && eventId != null ? NOT_IN_LOG
                    : UNAVAILABLE);
            if (eventId != null) {
                block.put("eventId", eventId.toString());
            }
            block.put("detail", (status == 409 ? "no signed tree head covers the export's last event yet"
                    : status == 404 && eventId != null ? "the export's last event is not in the audit log"
                    : "the audit log answered " + status) + (detail == null ? "" : ": " + detail));
            return block;
        } catch (IOException e) {
            return unavailable(block, eventId, "the audit log could not be read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(block, eventId, "interrupted while reading the audit log");
        }
    }

    private static Map<String, Object> unavailable(Map<String, Object> block, UUID eventId, String detail) {
        block.put("status", UNAVAILABLE);
        if (eventId != null) {
            block.put("eventId", eventId.toString());
        }
        block.put("detail", detail);
        return block;
    }

    private String authorization(String callerAuthorization) {
        if (properties.username() != null && !properties.username().isEmpty()) {
            String pair = properties.username() + ":" + (properties.password() == null ? "" : properties.password());
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return callerAuthorization;
    }

    private String problemDetail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem != null && problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
