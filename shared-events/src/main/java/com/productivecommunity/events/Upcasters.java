package com.productivecommunity.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;

/** The upcasters between published versions of the events (registered in {@link EventCatalog}). */
public final class Upcasters {

    /** {@link MemberJoined} v1 → v2: no segments known. */
    public static final EventUpcaster MEMBER_JOINED_V1 = of("MemberJoined", 1, payload -> {
        payload.putArray("segments");
        return payload;
    });

    /** {@link CommunityFounded} v1 → v2: the founder's segments unknown, the community for the staff only. */
    public static final EventUpcaster COMMUNITY_FOUNDED_V1 = of("CommunityFounded", 1, payload -> {
        payload.putArray("founderSegments");
        payload.put("openToExternal", false);
        return payload;
    });

    static final List<EventUpcaster> ALL = List.of(MEMBER_JOINED_V1, COMMUNITY_FOUNDED_V1);

    private Upcasters() {
    }

    private static EventUpcaster of(String type, int fromVersion, UnaryOperator<ObjectNode> change) {
        return new EventUpcaster() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public int fromVersion() {
                return fromVersion;
            }

            @Override
            public ObjectNode upcast(ObjectNode payload) {
                return change.apply(payload);
            }

            @Override
            public String toString() {
                return type + " v" + fromVersion + " -> v" + (fromVersion + 1);
            }
        };
    }
}
