package com.productivecommunity.query.feed;

import com.productivecommunity.support.web.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** Keyset position in a feed: the last item's {@code postedAt} and id, opaque to clients (base64url). */
record Cursor(Instant postedAt, UUID contributionId) {

    static Cursor of(FeedItem item) {
        return new Cursor(item.postedAt(), item.contributionId());
    }

    String encode() {
        String text = postedAt + "|" + contributionId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Cursor(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw new InvalidInputException("'before' is not a cursor from a previous page: " + cursor);
        }
    }
}
