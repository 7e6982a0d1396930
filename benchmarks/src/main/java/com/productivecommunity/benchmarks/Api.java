package com.productivecommunity.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** HTTP Basic calls to the services (demo directory: password = user name); 127.0.0.1 only. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest.Builder request(String url, String user) {
        if (!URI.create(url).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("Benchmarks only talk to 127.0.0.1: " + url);
        }
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user));
    }

    Reply post(String url, String user, String jsonBody) {
        return send(request(url, user).header("Content-Type", "application/json")
                .POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                .build());
    }

    Reply put(String url, String user, String jsonBody) {
        return send(request(url, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    Reply get(String url, String user) {
        return send(request(url, user).GET().build());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String url, String user, String awaitPosition) {
        HttpRequest.Builder builder = request(url, user).GET();
        if (awaitPosition != null) {
            builder.header("X-Await-Position", awaitPosition);
        }
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
