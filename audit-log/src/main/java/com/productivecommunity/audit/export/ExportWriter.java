package com.productivecommunity.audit.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.productivecommunity.audit.event.LeafEncoding;
import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.merkle.Hash;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * Writes an export as a stream: {@link #header}, then events in position order from 1 with each
 * signed tree head right after the event at its size, then {@link #end}. It refuses anything out
 * of that order, so whatever it writes a reader can check. Does not close the stream.
 */
public final class ExportWriter implements AutoCloseable {

    // No separator between root values: each line ends with the newline written after it.
    private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final JsonGenerator json;
    private final boolean asStored;
    private boolean headerWritten;
    private boolean ended;
    private long events;
    private long treeHeads;
    private SignedTreeHead lastHead;

    public ExportWriter(OutputStream out) {
        this(out, false);
    }

    /**
     * A writer for the platform's export of what its database holds now, tampering included: events and
     * heads are written as given, without refusing a missing, repeated or out-of-order position or a head
     * that is not right after its size (the verifier names those; refusing them here would hide them).
     * The header still comes first and once, and nothing follows {@link #end}.
     */
    public static ExportWriter asStored(OutputStream out) {
        return new ExportWriter(out, true);
    }

    private ExportWriter(OutputStream out, boolean asStored) {
        this.asStored = asStored;
        try {
            this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void header(PublicKey publicKey) {
        if (headerWritten) {
            throw new IllegalStateException("the header is written once, first");
        }
        line(() -> {
            json.writeStringField("type", "header");
            json.writeStringField("format", ExportFormat.FORMAT);
            json.writeNumberField("version", ExportFormat.VERSION);
            json.writeNumberField("leaf_encoding", LeafEncoding.VERSION);
            json.writeStringField("signature_algorithm", "Ed25519");
            json.writeStringField("public_key", SigningKeys.toPem(publicKey));
            json.writeStringField("key_id", SigningKeys.keyId(publicKey));
        });
        headerWritten = true;
    }

    /**
     * Writes the event at the next position with the leaf hash the log stored for it (not one
     * recomputed now: an export must show what was logged next to what is stored).
     */
    public void event(LoggedEvent event, Hash storedLeafHash) {
        requireOpen();
        if (!asStored && event.position() != events + 1) {
            throw new IllegalStateException("next position is " + (events + 1) + ", got " + event.position());
        }
        line(() -> {
            json.writeStringField("type", "event");
            json.writeNumberField("position", event.position());
            json.writeStringField("event_id", event.eventId().toString());
            json.writeStringField("aggregate_type", event.aggregateType());
            json.writeStringField("aggregate_id", event.aggregateId());
            json.writeNumberField("sequence", event.sequence());
            json.writeStringField("event_type", event.eventType());
            json.writeNumberField("schema_version", event.schemaVersion());
            json.writeStringField("community_id", event.communityId() == null ? null : event.communityId().toString());
            json.writeStringField("actor_id", event.actorId());
            json.writeStringField("occurred_at", event.occurredAt().toString());
            json.writeStringField("payload", Base64.getEncoder().encodeToString(event.payload()));
            byte[] metadata = event.metadata();
            json.writeStringField("metadata", metadata == null ? null : Base64.getEncoder().encodeToString(metadata));
            json.writeStringField("leaf_hash", storedLeafHash.base64());
        });
        events++;
    }

    /** Writes a signed tree head; its size must be the number of events written so far. */
    public void treeHead(SignedTreeHead signed) {
        requireOpen();
        if (!asStored && signed.head().size() != events) {
            throw new IllegalStateException("a tree head of size " + signed.head().size()
                    + " belongs right after position " + signed.head().size() + ", not after position " + events);
        }
        if (!asStored && lastHead != null && signed.head().timestamp().isBefore(lastHead.head().timestamp())) {
            throw new IllegalStateException("tree head timestamps go backwards: " + signed.head().timestamp()
                    + " after " + lastHead.head().timestamp());
        }
        line(() -> {
            json.writeStringField("type", "tree_head");
            json.writeNumberField("size", signed.head().size());
            json.writeStringField("root", signed.head().root().base64());
            json.writeStringField("timestamp", Instant.ofEpochMilli(signed.head().timestampMillis()).toString());
            json.writeStringField("signature", signed.signatureBase64());
        });
        treeHeads++;
        lastHead = signed;
    }

    /** Writes the end line and flushes. The export must end with a tree head covering every event. */
    public void end() {
        requireOpen();
        if (!asStored && (lastHead == null || lastHead.head().size() != events)) {
            throw new IllegalStateException("the last " + (events - (lastHead == null ? 0 : lastHead.head().size()))
                    + " events are not covered by a signed tree head; export up to the latest head's size");
        }
        line(() -> {
            json.writeStringField("type", "end");
            json.writeNumberField("events", events);
            json.writeNumberField("tree_heads", treeHeads);
        });
        ended = true;
        flush();
    }

    public long eventsWritten() {
        return events;
    }

    public void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes; does not write the end line (an export closed without {@link #end} reads as cut). */
    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireOpen() {
        if (!headerWritten) {
            throw new IllegalStateException("write the header first");
        }
        if (ended) {
            throw new IllegalStateException("the export has ended");
        }
    }

    private void line(Fields fields) {
        try {
            json.writeStartObject();
            fields.write();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Fields {
        void write() throws IOException;
    }
}
