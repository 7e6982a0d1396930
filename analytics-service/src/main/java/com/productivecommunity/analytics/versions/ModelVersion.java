package com.productivecommunity.analytics.versions;

import com.productivecommunity.analytics.model.ValueModel;
import java.time.Instant;

/**
 * A stored version: its definition (immutable: the model and {@code until}, the last instant of occurrence its lane
 * applies, null for none), the lane applying it, and where its replay stands.
 */
record ModelVersion(ValueModel model, String derivedFrom, Instant until, String lane, State state, String createdBy,
                    Instant createdAt, Instant replayStartedAt, Instant caughtUpAt, String failure) {

    enum State {
        QUEUED, REPLAYING, CAUGHT_UP, FAILED, RETIRED;

        String json() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    String name() {
        return model.name();
    }
}
