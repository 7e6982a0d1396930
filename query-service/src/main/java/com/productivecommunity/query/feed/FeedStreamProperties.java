package com.productivecommunity.query.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live feed streams: {@code timeout} ends a stream (the browser's EventSource reconnects by itself),
 * {@code heartbeat} is the interval of keep-alive comments that also detect closed connections. While the
 * projection is more than {@code catchUpLag} events behind (a replay or rebuild), history is not pushed.
 */
@ConfigurationProperties("query.feed-stream")
record FeedStreamProperties(@DefaultValue("30m") Duration timeout, @DefaultValue("20s") Duration heartbeat,
                            @DefaultValue("1000") long catchUpLag) {
}
