package com.productivecommunity.query.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live notification stream: {@code timeout} ends a stream (EventSource reconnects by itself), {@code heartbeat}
 * is the interval of keep-alive comments. While the projection is more than {@code catchUpLag} events behind (a
 * replay or rebuild), nothing is pushed: a rebuild re-derives old notifications, it does not cause new ones.
 */
@ConfigurationProperties("query.notifications.stream")
record NotificationStreamProperties(@DefaultValue("30m") Duration timeout, @DefaultValue("20s") Duration heartbeat,
                                    @DefaultValue("1000") long catchUpLag) {
}
