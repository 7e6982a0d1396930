package com.productivecommunity.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.support.web.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static final UUID ID = UUID.fromString("0b6b2f8e-4a8e-4a36-8d6e-0e6f3d3f5b7c");

    @Test
    void aCursorReadsBackAsWritten() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-26T10:15:30.123456Z"), ID);
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    /** These decoded before, and then failed as a 500: in OffsetDateTime.ofInstant or in PostgreSQL. */
    @Test
    void anInstantNeitherOffsetDateTimeNorPostgresqlHoldsIsNotACursor() {
        for (String instant : List.of("+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
                "-5000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "0000-12-31T23:59:59.999999999Z")) {
            assertThatThrownBy(() -> Cursor.decode(encode(instant + "|" + ID))).as(instant)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("before"));
        }
    }

    @Test
    void everyInstantACursorMayNameFitsOffsetDateTime() {
        for (Instant edge : List.of(Cursor.EARLIEST, Cursor.LATEST)) {
            Cursor cursor = Cursor.decode(new Cursor(edge, ID).encode());
            assertThat(OffsetDateTime.ofInstant(cursor.at(), ZoneOffset.UTC).toInstant()).isEqualTo(edge);
        }
    }

    @Test
    void garbageIsNotACursor() {
        for (String cursor : List.of("!!!", "", "a", encode("x|y"), encode("2026-11-26T10:15:30Z"),
                encode("2026-11-26T10:15:30Z|1-1-1-1-1"), encode("2026-11-26T10:15:30Z|" + ID + "|x"),
                Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xc3, (byte) 0x28, '|'}))) {
            assertThatThrownBy(() -> Cursor.decode(cursor)).as(cursor).isInstanceOf(InvalidInputException.class);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
