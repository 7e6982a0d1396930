package com.productivecommunity.audit.export;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.TreeHead;
import com.productivecommunity.audit.merkle.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an export line by line, holding one line at a time: constant memory whatever the number
 * of events. Strict: every line must be one JSON object of a known type with exactly its fields,
 * and must end with a newline (a file cut at a line boundary then still ends without its end
 * line, which the verifier reports). Reads only the syntax; the order and the hashes are the
 * verifier's business. Does not close the stream.
 */
public final class ExportReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> HEADER_FIELDS =
            Set.of("type", "format", "version", "leaf_encoding", "signature_algorithm", "public_key", "key_id");
    private static final Set<String> EVENT_FIELDS = Set.of("type", "position", "event_id", "aggregate_type",
            "aggregate_id", "sequence", "event_type", "schema_version", "community_id", "actor_id", "occurred_at",
            "payload", "metadata", "leaf_hash");
    private static final Set<String> TREE_HEAD_FIELDS = Set.of("type", "size", "root", "timestamp", "signature");
    private static final Set<String> END_FIELDS = Set.of("type", "events", "tree_heads");

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int bufferStart;
    private int bufferEnd;
    private byte[] line = new byte[1 << 12];
    private long lineNumber;

    public ExportReader(InputStream in) {
        this(in, ExportFormat.DEFAULT_MAX_LINE_BYTES);
    }

    public ExportReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The number of the line last returned (1 for the header). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line, or null at the end of the stream. */
    public ExportLine next() {
        int length = readLine();
        if (length < 0) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(line, 0, length);
        } catch (IOException e) {
            throw new ExportFormatException(lineNumber, "not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new ExportFormatException(lineNumber, "not a JSON object");
        }
        String type = text(node, "type");
        return switch (type) {
            case "header" -> header(node);
            case "event" -> event(node);
            case "tree_head" -> treeHead(node);
            case "end" -> end(node);
            default -> throw new ExportFormatException(lineNumber, "unknown line type '" + type + "'");
        };
    }

    private ExportLine.Header header(JsonNode node) {
        fields(node, HEADER_FIELDS);
        String format = text(node, "format");
        if (!format.equals(ExportFormat.FORMAT)) {
            throw new ExportFormatException(lineNumber, "not an audit export (format '" + format + "')");
        }
        String algorithm = text(node, "signature_algorithm");
        if (!algorithm.equals("Ed25519")) {
            throw new ExportFormatException(lineNumber, "unsupported signature algorithm '" + algorithm + "'");
        }
        return new ExportLine.Header((int) integer(node, "version"), (int) integer(node, "leaf_encoding"),
                text(node, "public_key"), text(node, "key_id"));
    }

    private ExportLine.Event event(JsonNode node) {
        fields(node, EVENT_FIELDS);
        try {
            LoggedEvent event = new LoggedEvent(integer(node, "position"), uuid(node, "event_id"),
                    text(node, "aggregate_type"), text(node, "aggregate_id"), integer(node, "sequence"),
                    text(node, "event_type"), Math.toIntExact(integer(node, "schema_version")),
                    nullable(node, "community_id") == null ? null : uuid(node, "community_id"),
                    nullable(node, "actor_id"), instant(node, "occurred_at"), base64(node, "payload"),
                    nullable(node, "metadata") == null ? null : base64(node, "metadata"));
            return new ExportLine.Event(event, hash(node, "leaf_hash"));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ExportFormatException(lineNumber, e.getMessage(), e);
        }
    }

    private ExportLine.TreeHead treeHead(JsonNode node) {
        fields(node, TREE_HEAD_FIELDS);
        try {
            TreeHead head = new TreeHead(integer(node, "size"), hash(node, "root"), instant(node, "timestamp"));
            return new ExportLine.TreeHead(new SignedTreeHead(head, base64(node, "signature")));
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(lineNumber, e.getMessage(), e);
        }
    }

    private ExportLine.End end(JsonNode node) {
        fields(node, END_FIELDS);
        return new ExportLine.End(integer(node, "events"), integer(node, "tree_heads"));
    }

    private void fields(JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ExportFormatException(lineNumber, "unexpected field '" + name + "'");
            }
        }
        for (String name : allowed) {
            if (!node.has(name)) {
                throw new ExportFormatException(lineNumber, "missing field '" + name + "'");
            }
        }
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ExportFormatException(lineNumber, "field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private String nullable(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field);
    }

    private long integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ExportFormatException(lineNumber, "field '" + field + "' must be an integer");
        }
        return value.longValue();
    }

    private UUID uuid(JsonNode node, String field) {
        String text = text(node, field);
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equals(text.toLowerCase())) {
                throw new IllegalArgumentException(text);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(lineNumber, "field '" + field + "' is not a UUID: " + text);
        }
    }

    private Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ExportFormatException(lineNumber, "field '" + field + "' is not an ISO-8601 UTC instant: " + text);
        }
    }

    private byte[] base64(JsonNode node, String field) {
        try {
            return Base64.getDecoder().decode(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(lineNumber, "field '" + field + "' is not base64");
        }
    }

    private Hash hash(JsonNode node, String field) {
        byte[] bytes = base64(node, field);
        if (bytes.length != Hash.SIZE) {
            throw new ExportFormatException(lineNumber, "field '" + field + "' is " + bytes.length + " bytes, a hash is 32");
        }
        return Hash.of(bytes);
    }

    /** Reads the next line into {@link #line} without its newline; -1 at the end of the stream. */
    private int readLine() {
        int length = 0;
        while (true) {
            if (bufferStart == bufferEnd) {
                fill();
                if (bufferEnd < 0) {
                    bufferEnd = 0;
                    if (length > 0) {
                        lineNumber++;
                        throw new ExportFormatException(lineNumber, "the file ends inside this line (no newline): it is cut");
                    }
                    return -1;
                }
            }
            int newline = -1;
            for (int i = bufferStart; i < bufferEnd; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int chunkEnd = newline < 0 ? bufferEnd : newline;
            int chunk = chunkEnd - bufferStart;
            if (length + chunk > maxLineBytes) {
                throw new ExportFormatException(lineNumber + 1, "longer than " + maxLineBytes + " bytes");
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + chunk)));
            }
            System.arraycopy(buffer, bufferStart, line, length, chunk);
            length += chunk;
            bufferStart = chunkEnd;
            if (newline >= 0) {
                bufferStart = newline + 1;
                lineNumber++;
                if (length == 0) {
                    throw new ExportFormatException(lineNumber, "empty line");
                }
                return length;
            }
        }
    }

    private void fill() {
        try {
            bufferStart = 0;
            bufferEnd = in.read(buffer);
            while (bufferEnd == 0) {
                bufferEnd = in.read(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the export", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
