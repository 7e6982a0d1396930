package com.productivecommunity.command.audit;

import com.productivecommunity.audit.event.LoggedEvent;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The one place that knows how the event store keeps an event (Axon's {@code domain_event_entry}) and how a
 * stored row becomes the leaf's {@link LoggedEvent}. Every column is covered exactly:
 * <ul>
 * <li>{@code position}: the log position (from {@code audit_leaf}), not the global index;</li>
 * <li>{@code event_id} = {@code event_identifier}, {@code aggregate_type} = {@code type} ({@code ""} when null),
 * {@code aggregate_id}, {@code sequence} = {@code sequence_number}, {@code event_type} = {@code payload_type},
 * {@code schema_version} = {@code payload_revision} as a number (0 when absent), {@code occurred_at} =
 * {@code time_stamp} to the microsecond, {@code payload} = the stored bytes; {@code community_id} and
 * {@code actor_id} are null (the store has no such columns; both are inside the payload);</li>
 * <li>{@code metadata} = the <em>store record</em>, UTF-8 JSON of the columns the fields above do not carry
 * byte for byte: {@code {"global_index":n,"type":…,"payload_revision":…,"time_stamp":"…","meta_data":base64}}
 * (keys in this order, no spaces, texts as stored, null where the column is null).</li>
 * </ul>
 * A value the mapping cannot read (an id that is no UUID, a time that does not parse, after an edit) becomes a
 * neutral value (the nil UUID, the epoch), never an error: the leaf then differs from the stored one and the
 * check names the position.
 */
@Component
class StoredEventRows {

    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,"
            + " e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    private final JdbcTemplate jdbc;

    StoredEventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored event not yet in the log (position unknown until appended). */
    record Candidate(long globalIndex, ResultSetRow row) {
        LoggedEvent at(long position) {
            return row.toEvent(position);
        }
    }

    /** The columns of one stored row, read once. */
    record ResultSetRow(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                        String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                        byte[] metaData) {

        static ResultSetRow read(ResultSet rs) throws SQLException {
            return new ResultSetRow(rs.getLong("global_index"), rs.getString("event_identifier"),
                    rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                    rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                    rs.getBytes("payload"), rs.getBytes("meta_data"));
        }

        LoggedEvent toEvent(long position) {
            return new LoggedEvent(position, uuid(eventIdentifier), type == null ? "" : type, aggregateIdentifier,
                    sequenceNumber, payloadType, revision(payloadRevision), null, null, instant(timeStamp), payload,
                    storeRecord());
        }

        byte[] storeRecord() {
            StringBuilder json = new StringBuilder(160).append("{\"global_index\":").append(globalIndex);
            json.append(",\"type\":");
            string(json, type);
            json.append(",\"payload_revision\":");
            string(json, payloadRevision);
            json.append(",\"time_stamp\":");
            string(json, timeStamp);
            json.append(",\"meta_data\":");
            string(json, metaData == null ? null : Base64.getEncoder().encodeToString(metaData));
            return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Stored events after {@code afterGlobalIndex} that the log does not hold yet, in global order (also those
     * below the log's highest global index: an event whose index was a gap the appender passed over).
     */
    List<Candidate> notLogged(long afterGlobalIndex, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry e WHERE e.global_index > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM audit_leaf l WHERE l.global_index = e.global_index)"
                        + " ORDER BY e.global_index LIMIT ?",
                (rs, n) -> {
                    ResultSetRow row = ResultSetRow.read(rs);
                    return new Candidate(row.globalIndex(), row);
                }, afterGlobalIndex, limit);
    }

    /**
     * The stored events at log positions {@code from..to} as stored now, in log order; a position whose row is
     * gone is left out (the check then names it). Streams through {@code handler}.
     */
    void logged(long from, long to, EventHandler handler) {
        jdbc.query("SELECT l.position, " + COLUMNS + " FROM audit_leaf l"
                + " JOIN domain_event_entry e ON e.global_index = l.global_index"
                + " WHERE l.position BETWEEN ? AND ? ORDER BY l.position", (RowCallbackHandler) rs ->
                handler.event(ResultSetRow.read(rs).toEvent(rs.getLong("position")), rs.getLong("global_index")),
                from, to);
    }

    List<LoggedEvent> logged(long from, long to) {
        List<LoggedEvent> events = new java.util.ArrayList<>();
        logged(from, to, (event, globalIndex) -> events.add(event));
        return events;
    }

    @FunctionalInterface
    interface EventHandler {
        void event(LoggedEvent event, long globalIndex);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (RuntimeException e) {
            return new UUID(0, 0);
        }
    }

    private static int revision(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH;
        }
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
