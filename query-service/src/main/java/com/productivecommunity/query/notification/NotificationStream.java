package com.productivecommunity.query.notification;

import com.productivecommunity.query.projection.EventsApplied;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.ProjectionAdmin;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import com.productivecommunity.query.stream.LiveStreams;
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
    private final LiveStreams<Subscriber> streams;

    NotificationStream(NotificationReads reads, NotificationStreamProperties properties,
                       ObjectProvider<ProjectionAdmin> projections) {
        this.reads = reads;
        this.properties = properties;
        this.projections = projections;
        this.streams = new LiveStreams<>("notification-stream", properties.heartbeat());
    }

    /** {@code external}: a partner or customer, told only of what happened in communities opened to them. */
    SseEmitter subscribe(String memberId, boolean external) {
        return streams.subscribe(new Subscriber(memberId, external, new SseEmitter(properties.timeout().toMillis())));
    }

    @EventListener
    void on(EventsApplied applied) {
        if (streams.subscribers().isEmpty() || catchingUp()) {
            return;
        }
        List<UUID> events = applied.events().stream().map(ProjectedEvent::event).map(e -> e.eventId()).toList();
        streams.deliver(() -> {
            try {
                deliver(events);
            } catch (RuntimeException e) {
                log.warn("Could not push the notifications of {} applied events", events.size(), e);
            }
        });
    }

    /** Tells the member's open streams their unread count changed (they marked some read elsewhere). */
    void unreadChanged(String memberId) {
        if (streams.subscribers().stream().noneMatch(subscriber -> subscriber.memberId().equals(memberId))) {
            return;
        }
        streams.deliver(() -> {
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
        streams.subscribers().forEach(subscriber -> members.add(subscriber.memberId()));
        List<NotificationReads.Addressed> caused = reads.caused(events, members);
        if (caused.isEmpty()) {
            return;
        }
        Set<String> recipients = new HashSet<>();
        caused.forEach(addressed -> recipients.add(addressed.recipientId()));
        for (Subscriber subscriber : streams.subscribers()) {
            for (NotificationReads.Addressed addressed : caused) {
                if (subscriber.memberId().equals(addressed.recipientId()) && (addressed.open() || !subscriber.external())) {
                    Notification notification = addressed.notification();
                    streams.send(subscriber, SseEmitter.event().name("notification").id(notification.notificationId().toString())
                            .data(notification, MediaType.APPLICATION_JSON));
                }
            }
        }
        pushUnread(reads.unreadCounts(recipients, externals()));
    }

    private void pushUnread(Map<String, Long> counts) {
        for (Subscriber subscriber : streams.subscribers()) {
            Long count = counts.get(subscriber.memberId());
            if (count != null) {
                streams.send(subscriber, SseEmitter.event().name("unread")
                        .data(Map.of("unreadCount", count), MediaType.APPLICATION_JSON));
            }
        }
    }

    @Override
    public void destroy() {
        streams.close();
    }

    /** The streaming members who are partners or customers. */
    private Set<String> externals() {
        Set<String> externals = new HashSet<>();
        streams.subscribers().forEach(subscriber -> {
            if (subscriber.external()) {
                externals.add(subscriber.memberId());
            }
        });
        return externals;
    }

    private record Subscriber(String memberId, boolean external, SseEmitter emitter) implements LiveStreams.Subscriber {
    }
}
