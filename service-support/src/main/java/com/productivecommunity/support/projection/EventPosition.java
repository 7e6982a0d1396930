package com.productivecommunity.support.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate's event, as command-service reports it in {@code X-Event-Position} and clients send it
 * back in {@code X-Await-Position}: {@code <aggregateId>:<sequence>}. The one type for it on both sides:
 * command-service writes it, the projections' read-your-writes wait parses it.
 */
public record EventPosition(String aggregateId, long sequence) {

    /** The response header of every successful command: the position the command reached. */
    public static final String HEADER = "X-Event-Position";

    public EventPosition {
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    /** Parses {@code id:seq[,id:seq...]}; throws {@link IllegalArgumentException} on anything else. */
    public static List<EventPosition> parseList(String header) {
        List<EventPosition> positions = new ArrayList<>();
        for (String part : header.split(",", -1)) {
            String text = part.strip();
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new IllegalArgumentException("Not an event position (aggregateId:sequence): " + text);
            }
            try {
                long sequence = Long.parseLong(text.substring(colon + 1));
                if (sequence < 0) {
                    throw new IllegalArgumentException("Negative sequence in event position: " + text);
                }
                positions.add(new EventPosition(text.substring(0, colon), sequence));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not an event position (aggregateId:sequence): " + text, e);
            }
        }
        return positions;
    }

    @Override
    public String toString() {
        return aggregateId + ":" + sequence;
    }
}
