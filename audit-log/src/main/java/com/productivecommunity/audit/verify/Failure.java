package com.productivecommunity.audit.verify;

import java.util.UUID;

/**
 * What did not match, where: the first event concerned ({@code position}, {@code eventId} when
 * the export holds that event), the export line, and a sentence for the auditor.
 *
 * @param position  the first position that does not match, or null when the failure concerns no event
 * @param eventId   the id of the event at that position as the export shows it, or null
 * @param line      the export line where it was found (0 when not from an export)
 */
public record Failure(Kind kind, Long position, UUID eventId, long line, String message) {

    public enum Kind {
        /** The file is not a well-formed export (bad JSON, missing field, unknown line type). */
        FORMAT,
        /** The export's public key is not the one the auditor trusts. */
        KEY,
        /** An event's stored bytes do not hash to the leaf the log recorded for it. */
        LEAF,
        /** An event is missing, repeated or out of order. */
        POSITION,
        /** A tree head's signature does not verify. */
        SIGNATURE,
        /** A signed tree head's root differs from the tree recomputed from the events. */
        ROOT,
        /** A stored interior hash does not match the hashes below it (the health check's finding). */
        STORED_HASH,
        /** Two consecutive tree heads are not consistent (one log is not a prefix of the other). */
        CONSISTENCY,
        /** Tree head sizes or timestamps go backwards, or a head is not where the tree reached its size. */
        ORDER,
        /** Events at the end are not covered by any signed tree head. */
        UNCOVERED,
        /** The export stops before its end line, or the end line's counts differ from what was read. */
        TRUNCATED
    }

    /** The one-line form the verifier prints. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.name());
        if (position != null) {
            text.append(" at position ").append(position);
            if (eventId != null) {
                text.append(" (event ").append(eventId).append(')');
            }
        }
        if (line > 0) {
            text.append(", export line ").append(line);
        }
        return text.append(": ").append(message).toString();
    }
}
