package com.productivecommunity.command.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the tracking processors (the Kafka publisher) treat a missing global index ({@code platform.event-store.*}),
 * Axon's defaults unless set. A transaction that has its index but has not committed leaves a gap; the
 * processor waits for it until the events after it are {@code gap-timeout} old and the token holds more than
 * {@code gap-cleaning-threshold} gaps, then goes on without it. An event committed later than that is
 * published by the publication repair instead.
 *
 * @param gapTimeout           how long a gap is waited for, default 60 s
 * @param gapCleaningThreshold how many gaps a token holds before timed-out ones are dropped, default 250
 */
@ConfigurationProperties("platform.event-store")
record GapProperties(Duration gapTimeout, Integer gapCleaningThreshold) {
    GapProperties {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        gapCleaningThreshold = gapCleaningThreshold == null ? 250 : gapCleaningThreshold;
    }
}
