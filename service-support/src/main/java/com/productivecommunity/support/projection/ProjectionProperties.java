package com.productivecommunity.support.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tuning of the projection consumers ({@code platform.projection.*}). */
@ConfigurationProperties("platform.projection")
public class ProjectionProperties {

    /** Most events read per poll; one poll = one transaction. */
    private int maxPollRecords = 1000;
    /** How long one poll waits for events. */
    private Duration pollTimeout = Duration.ofMillis(500);
    /** First pause after a failed batch; doubles per consecutive failure up to {@link #retryBackoffMax}. */
    private Duration retryBackoffInitial = Duration.ofMillis(500);
    private Duration retryBackoffMax = Duration.ofSeconds(30);
    /** Health is DOWN when the broker has not answered for this long. */
    private Duration healthTimeout = Duration.ofSeconds(60);
    /** Health is DOWN after this many consecutive failed batches. */
    private int failuresBeforeDown = 3;
    /** How often the topic's end offsets are read for the lag gauge (and as the broker liveness check). */
    private Duration lagRefreshInterval = Duration.ofSeconds(1);
    /** Start the consumers with the application context. */
    private boolean autoStartup = true;

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

    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }
}
