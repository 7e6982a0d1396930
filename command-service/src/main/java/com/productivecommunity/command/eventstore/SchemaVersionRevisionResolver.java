package com.productivecommunity.command.eventstore;

import com.productivecommunity.events.SchemaVersion;
import org.axonframework.serialization.RevisionResolver;

/** Stores each event's {@code @SchemaVersion} as Axon's payload revision, so upcasters know what they read. */
class SchemaVersionRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        SchemaVersion version = payloadType.getAnnotation(SchemaVersion.class);
        return version == null ? null : String.valueOf(version.value());
    }
}
