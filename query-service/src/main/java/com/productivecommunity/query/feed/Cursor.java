package com.productivecommunity.query.feed;

import com.productivecommunity.support.web.Ids;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Problems;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position in a newest-first list: the last item's instant and id (a feed item's {@code postedAt} and
 * {@code contributionId}, an outcome's {@code recordedAt} and {@code outcomeId}), opaque to clients (base64url).
 */
public record Cursor(Instant at, UUID id) {

    /**
     * The instants a cursor may name: every {@code postedAt} is well inside, and both OffsetDateTime (years
     * ±999,999,999) and PostgreSQL's timestamptz (4713 BC to 294276 AD) hold every instant in between.
     * Java's {@link Instant#parse} reads years up to ±1,000,000,000, which would fail later as a 500.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    static Cursor of(FeedItem item) {
        return new Cursor(item.postedAt(), item.contributionId());
    }

    public String encode() {
        String text = at + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A list's {@code before} parameter: null when absent or blank (the first page), else {@link #decode}. */
    public static Cursor before(String parameter) {
        return parameter == null || parameter.isBlank() ? null : decode(parameter);
    }

    /** The cursor of a {@code before} parameter; a 400 naming {@code before} when it is none this service wrote. */
    public static Cursor decode(String cursor) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            int bar = text.indexOf('|');
            if (bar < 0) {
                throw notACursor(cursor);
            }
            Instant postedAt = Instant.parse(text.substring(0, bar));
            if (postedAt.isBefore(EARLIEST) || postedAt.isAfter(LATEST)) {
                throw notACursor(cursor);
            }
            return new Cursor(postedAt, Ids.uuid(text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeException | CharacterCodingException e) {
            throw notACursor(cursor);
        }
    }

    private static InvalidInputException notACursor(String cursor) {
        return new InvalidInputException("before", "'before' is not a cursor from a previous page: "
                + Problems.quote(cursor));
    }
}
