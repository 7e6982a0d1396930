package com.productivecommunity.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Test client of a server-sent event stream: collects the events (name and data) as they arrive. */
public final class SseClient implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    SseClient(HttpClient http, URI uri, String authorization) {
        response = http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && (name != null || data.length() > 0)) {
                    events.add(new Event(name, id, data.toString()));
                    name = null;
                    id = null;
                    data.setLength(0);
                }
            }
        });
    }

    public int status() {
        return response.join().statusCode();
    }

    public String contentType() {
        return response.join().headers().firstValue("Content-Type").orElse("");
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    /** Waits (at most {@code timeout}) until an event matches. */
    public boolean await(Predicate<List<Event>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(events())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!comments.contains("subscribed")) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
    }
}
