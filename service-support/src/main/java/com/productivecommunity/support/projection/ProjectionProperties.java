package com.productivecommunity.support.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tuning of the projection consumers ({@code platform.projection.*}). */
@ConfigurationProperties("platform.projection")
public class ProjectionProperties {

    /** Most records read per poll; one poll of one consumer = one transaction. */
    private int maxPollRecords = 1000;
    /** How long one poll waits for records. */
    private Duration pollTimeout = Duration.ofMillis(500);
    /**
     * Consumers (threads) per projection; each owns some of the topic's partitions and commits its own
     * transactions, so partitions are applied in parallel. More than the topic's partitions are idle.
     */
    private int concurrency = 2;
    /** Pause after a transient fault (database unreachable, restarting); doubles up to {@link #retryBackoffMax}. Retried until it passes. */
    private Duration retryBackoffInitial = Duration.ofMillis(500);
    private Duration retryBackoffMax = Duration.ofSeconds(30);
    /** Attempts at an event whose apply throws, before it is parked. */
    private int poisonAttempts = 3;
    /** Pause between those attempts; doubles each time. */
    private Duration poisonBackoff = Duration.ofMillis(100);
    /** Health is DOWN when the broker has not answered for this long. */
    private Duration healthTimeout = Duration.ofSeconds(60);
    /** Health is DOWN after this many consecutive failed attempts at a batch (a transient fault that lasts). */
    private int failuresBeforeDown = 3;
    /** How often end offsets (lag, broker liveness) and the parked counts are read. */
    private Duration lagRefreshInterval = Duration.ofSeconds(1);
    /** Highest sequences per aggregate kept in memory per assigned partition (read from the database otherwise). */
    private int positionCacheSize = 200_000;
    /** While a stop waits for a batch in progress, it says so in the log this often. */
    private Duration stopWarnInterval = Duration.ofSeconds(30);
    /** Start the consumers with the application context. */
    private boolean autoStartup = true;
    /** How a record's bytes become an event: {@link Decoder#ONE_PASS} (default) or the reference {@link Decoder#TREE}. */
    private Decoder decoder = Decoder.ONE_PASS;

    /** The record decoders; both accept and refuse the same records, with the same reasons. */
    public enum Decoder {
        /** Envelope and payload read in one pass from the bytes, the payload straight into its event. */
        ONE_PASS,
        /** The envelope with its payload as a JSON tree, then the tree into the event (kept for comparison). */
        TREE
    }

    public Decoder getDecoder() {
        return decoder;
    }

    public void setDecoder(Decoder decoder) {
        this.decoder = decoder;
    }

    public int getMaxPollRecords() {
        return maxPollRecords;
    }

    public void setMaxPollRecords(int maxPollRecords) {
        this.maxPollRecords = maxPollRecords;
    }

    public Duration getPollTimeout() {
        return pollTimeout;
    }

    public void setPollTimeout(Duration pollTimeout) {
        this.pollTimeout = pollTimeout;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("platform.projection.concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    public Duration getRetryBackoffInitial() {
        return retryBackoffInitial;
    }

    public void setRetryBackoffInitial(Duration retryBackoffInitial) {
        this.retryBackoffInitial = retryBackoffInitial;
    }

    public Duration getRetryBackoffMax() {
        return retryBackoffMax;
    }

    public void setRetryBackoffMax(Duration retryBackoffMax) {
        this.retryBackoffMax = retryBackoffMax;
    }

    public int getPoisonAttempts() {
        return poisonAttempts;
    }

    public void setPoisonAttempts(int poisonAttempts) {
        if (poisonAttempts < 1) {
            throw new IllegalArgumentException("platform.projection.poison-attempts must be at least 1");
        }
        this.poisonAttempts = poisonAttempts;
    }

    public Duration getPoisonBackoff() {
        return poisonBackoff;
    }

    public void setPoisonBackoff(Duration poisonBackoff) {
        this.poisonBackoff = poisonBackoff;
    }

    public Duration getHealthTimeout() {
        return healthTimeout;
    }

    public void setHealthTimeout(Duration healthTimeout) {
        this.healthTimeout = healthTimeout;
    }

    public int getFailuresBeforeDown() {
        return failuresBeforeDown;
    }

    public void setFailuresBeforeDown(int failuresBeforeDown) {
        this.failuresBeforeDown = failuresBeforeDown;
    }

    public Duration getLagRefreshInterval() {
        return lagRefreshInterval;
    }

    public void setLagRefreshInterval(Duration lagRefreshInterval) {
        this.lagRefreshInterval = lagRefreshInterval;
    }

    public int getPositionCacheSize() {
        return positionCacheSize;
    }

    public void setPositionCacheSize(int positionCacheSize) {
        this.positionCacheSize = positionCacheSize;
    }

    public Duration getStopWarnInterval() {
        return stopWarnInterval;
    }

    public void setStopWarnInterval(Duration stopWarnInterval) {
        this.stopWarnInterval = stopWarnInterval;
    }

    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }
}
