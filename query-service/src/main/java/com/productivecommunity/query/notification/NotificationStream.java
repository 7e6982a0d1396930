package com.productivecommunity.query.notification;

import com.productivecommunity.query.projection.EventsApplied;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.ProjectionAdmin;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open notification streams, one per member and browser tab. Once a projection batch has committed, each
 * streaming member gets a {@code notification} event per notification the batch caused for them, then
 * {@code unread} ({@code {"unreadCount":n}}); marking read pushes {@code unread} to the member's other streams.
 * Delivery runs on its own thread, never on the consumer's.
 */
@Component
class NotificationStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationStream.class);

    private final NotificationReads reads;
    private final NotificationStreamProperties properties;
    private final ObjectProvider<ProjectionAdmin> projections;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notification-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notification-stream-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    NotificationStream(NotificationReads reads, NotificationStreamProperties properties,
                       ObjectProvider<ProjectionAdmin> projections) {
        this.reads = reads;
        this.properties = properties;
        this.projections = projections;
        long every = properties.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(() -> delivery.execute(this::keepAlive), every, every, TimeUnit.MILLISECONDS);
    }

    /** {@code external}: a partner or customer, told only of what happened in communities opened to them. */
    SseEmitter subscribe(String memberId, boolean external) {
        Subscriber subscriber = new Subscriber(memberId, external, new SseEmitter(properties.timeout().toMillis()));
        SseEmitter emitter = subscriber.emitter();
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        send(subscriber, SseEmitter.event().comment("subscribed"));
        return emitter;
    }

    @EventListener
    void on(EventsApplied applied) {
        if (subscribers.isEmpty() || catchingUp()) {
            return;
        }
        List<UUID> events = applied.events().stream().map(ProjectedEvent::event).map(e -> e.eventId()).toList();
        delivery.execute(() -> {
            try {
                deliver(events);
            } catch (RuntimeException e) {
                log.warn("Could not push the notifications of {} applied events", events.size(), e);
            }
        });
    }

    /** Tells the member's open streams their unread count changed (they marked some read elsewhere). */
    void unreadChanged(String memberId) {
        if (subscribers.stream().noneMatch(subscriber -> subscriber.memberId().equals(memberId))) {
            return;
        }
        delivery.execute(() -> {
            try {
                pushUnread(reads.unreadCounts(Set.of(memberId), externals()));
            } catch (RuntimeException e) {
                log.warn("Could not push {}'s unread count", memberId, e);
            }
        });
    }

    private boolean catchingUp() {
        ProjectionAdmin admin = projections.getIfAvailable();
        return admin != null && admin.statuses().stream().anyMatch(status -> status.lag() > properties.catchUpLag());
    }

    private void deliver(List<UUID> events) {
        Set<String> members = new HashSet<>();
        subscribers.forEach(subscriber -> members.add(subscriber.memberId()));
        List<NotificationReads.Addressed> caused = reads.caused(events, members);
        if (caused.isEmpty()) {
            return;
        }
        Set<String> recipients = new HashSet<>();
        caused.forEach(addressed -> recipients.add(addressed.recipientId()));
        for (Subscriber subscriber : subscribers) {
            for (NotificationReads.Addressed addressed : caused) {
                if (subscriber.memberId().equals(addressed.recipientId()) && (addressed.open() || !subscriber.external())) {
                    Notification notification = addressed.notification();
                    send(subscriber, SseEmitter.event().name("notification").id(notification.notificationId().toString())
                            .data(notification, MediaType.APPLICATION_JSON));
                }
            }
        }
        pushUnread(reads.unreadCounts(recipients, externals()));
    }

    private void pushUnread(Map<String, Long> counts) {
        for (Subscriber subscriber : subscribers) {
            Long count = counts.get(subscriber.memberId());
            if (count != null) {
                send(subscriber, SseEmitter.event().name("unread")
                        .data(Map.of("unreadCount", count), MediaType.APPLICATION_JSON));
            }
        }
    }

    private void keepAlive() {
        subscribers.forEach(subscriber -> send(subscriber, SseEmitter.event().comment("keep-alive")));
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(e);
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        delivery.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }

    /** The streaming members who are partners or customers. */
    private Set<String> externals() {
        Set<String> externals = new HashSet<>();
        subscribers.forEach(subscriber -> {
            if (subscriber.external()) {
                externals.add(subscriber.memberId());
            }
        });
        return externals;
    }

    private record Subscriber(String memberId, boolean external, SseEmitter emitter) {
    }
}
