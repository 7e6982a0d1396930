package com.productivecommunity.query.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of one kind (the feeds', the notifications'): who is subscribed, one delivery
 * thread (never the projection's consumer), a keep-alive comment every {@code heartbeat}, and a subscriber dropped
 * as soon as its stream completes, times out or fails to take an event.
 *
 * @param <S> what a stream knows of its subscriber
 */
public final class LiveStreams<S extends LiveStreams.Subscriber> {

    /** A subscriber and the emitter of its stream. */
    public interface Subscriber {
        SseEmitter emitter();
    }

    private final Set<S> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService delivery;
    private final ScheduledExecutorService heartbeat;

    /** {@code name} names the threads ({@code name}, {@code name-heartbeat}). */
    public LiveStreams(String name, Duration heartbeat) {
        this.delivery = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, name));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, name + "-heartbeat"));
        long every = heartbeat.toMillis();
        this.heartbeat.scheduleAtFixedRate(() -> delivery.execute(this::keepAlive), every, every, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Adds the subscriber, tells it it is subscribed, and hands back its emitter for the response. */
    public SseEmitter subscribe(S subscriber) {
        SseEmitter emitter = subscriber.emitter();
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        send(subscriber, SseEmitter.event().comment("subscribed"));
        return emitter;
    }

    /** The streams open now. */
    public Set<S> subscribers() {
        return subscribers;
    }

    /** Runs {@code task} on the delivery thread, after what was handed to it before. */
    public void deliver(Runnable task) {
        delivery.execute(task);
    }

    /** Sends the event; a stream that cannot take it is closed and forgotten. */
    public void send(S subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(e);
        }
    }

    private void keepAlive() {
        subscribers.forEach(subscriber -> send(subscriber, SseEmitter.event().comment("keep-alive")));
    }

    /** Stops the threads and completes every open stream. */
    public void close() {
        heartbeat.shutdownNow();
        delivery.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }
}
