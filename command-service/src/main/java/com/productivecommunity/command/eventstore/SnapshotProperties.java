package com.productivecommunity.command.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** After how many events an aggregate is snapshotted ({@code platform.snapshots.threshold}, default 100). */
@ConfigurationProperties("platform.snapshots")
record SnapshotProperties(Integer threshold) {
    SnapshotProperties {
        threshold = threshold == null ? 100 : threshold;
    }
}
