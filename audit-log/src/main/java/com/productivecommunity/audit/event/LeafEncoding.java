package com.productivecommunity.audit.event;

import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.MerkleHashing;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The canonical leaf bytes of an event (leaf encoding version 1, specified in
 * {@code audit-log/README.md}): every field in a fixed order, integers big-endian and fixed-width,
 * every variable-length field preceded by its length, every nullable field by a presence byte. The
 * encoding can be parsed back unambiguously ({@link #decode}), so two different events never share
 * leaf bytes.
 */
public final class LeafEncoding {

    public static final byte VERSION = 1;

    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;

    private LeafEncoding() {
    }

    public static byte[] encode(LoggedEvent event) {
        byte[] payload = event.payload();
        Writer out = new Writer(128 + payload.length);
        out.u8(VERSION);
        out.i64(event.position());
        out.uuid(event.eventId());
        out.text(event.aggregateType());
        out.text(event.aggregateId());
        out.i64(event.sequence());
        out.text(event.eventType());
        out.i32(event.schemaVersion());
        if (event.communityId() == null) {
            out.u8(ABSENT);
        } else {
            out.u8(PRESENT);
            out.uuid(event.communityId());
        }
        if (event.actorId() == null) {
            out.u8(ABSENT);
        } else {
            out.u8(PRESENT);
            out.text(event.actorId());
        }
        out.i64(event.occurredAtMicros());
        out.bytes(payload);
        byte[] metadata = event.metadata();
        if (metadata == null) {
            out.u8(ABSENT);
        } else {
            out.u8(PRESENT);
            out.bytes(metadata);
        }
        return out.toByteArray();
    }

    /** SHA-256(0x00 || encode(event)): the event's leaf hash. */
    public static Hash leafHash(LoggedEvent event) {
        return MerkleHashing.leafHash(encode(event));
    }

    /** Parses leaf bytes back into the event; rejects anything that {@link #encode} cannot produce. */
    public static LoggedEvent decode(byte[] leaf) {
        ByteBuffer in = ByteBuffer.wrap(leaf);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown leaf encoding version " + version);
            }
            long position = in.getLong();
            UUID eventId = new UUID(in.getLong(), in.getLong());
            String aggregateType = text(in);
            String aggregateId = text(in);
            long sequence = in.getLong();
            String eventType = text(in);
            int schemaVersion = in.getInt();
            UUID communityId = present(in) ? new UUID(in.getLong(), in.getLong()) : null;
            String actorId = present(in) ? text(in) : null;
            long micros = in.getLong();
            byte[] payload = bytes(in);
            byte[] metadata = present(in) ? bytes(in) : null;
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last field");
            }
            Instant occurredAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000);
            return new LoggedEvent(position, eventId, aggregateType, aggregateId, sequence, eventType, schemaVersion,
                    communityId, actorId, occurredAt, payload, metadata);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("leaf bytes end inside a field", e);
        }
    }

    private static boolean present(ByteBuffer in) {
        byte flag = in.get();
        if (flag != ABSENT && flag != PRESENT) {
            throw new IllegalArgumentException("presence byte must be 0 or 1, got " + flag);
        }
        return flag == PRESENT;
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("field length " + Integer.toUnsignedString(length) + " exceeds the leaf");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static String text(ByteBuffer in) {
        byte[] utf8 = bytes(in);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text field is not UTF-8", e);
        }
    }

    private static final class Writer extends ByteArrayOutputStream {
        Writer(int capacity) {
            super(capacity);
        }

        void u8(byte value) {
            write(value);
        }

        void i32(int value) {
            write(value >>> 24);
            write(value >>> 16);
            write(value >>> 8);
            write(value);
        }

        void i64(long value) {
            i32((int) (value >>> 32));
            i32((int) value);
        }

        void uuid(UUID value) {
            i64(value.getMostSignificantBits());
            i64(value.getLeastSignificantBits());
        }

        void bytes(byte[] value) {
            i32(value.length);
            writeBytes(value);
        }

        void text(String value) {
            // Strict: an unpaired surrogate has no UTF-8 form, and a lossy "?" would let two
            // different strings share leaf bytes.
            try {
                ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .encode(java.nio.CharBuffer.wrap(value));
                byte[] encoded = new byte[utf8.remaining()];
                utf8.get(encoded);
                bytes(encoded);
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("text is not valid Unicode (unpaired surrogate): " + e.getMessage(), e);
            }
        }
    }
}
