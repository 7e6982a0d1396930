package com.productivecommunity.support.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.productivecommunity.events.EventEnvelope;

/**
 * Test support: an envelope as command-service published it before segments existed — MemberJoined and
 * CommunityFounded at schema version 1, without the fields version 2 added. Other types are returned as they are.
 */
public final class VersionOne {

    private VersionOne() {
    }

    public static EventEnvelope of(EventEnvelope current) {
        ObjectNode payload = current.payload().deepCopy();
        switch (current.type()) {
            case "MemberJoined" -> payload.remove("segments");
            case "CommunityFounded" -> {
                payload.remove("founderSegments");
                payload.remove("openToExternal");
            }
            default -> {
                return current;
            }
        }
        return new EventEnvelope(current.eventId(), current.type(), 1, current.aggregateType(),
                current.aggregateId(), current.sequence(), current.storePosition(), current.communityId(),
                current.actorId(), current.occurredAt(), payload);
    }
}
