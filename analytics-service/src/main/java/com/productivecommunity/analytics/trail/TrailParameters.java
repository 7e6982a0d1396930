package com.productivecommunity.analytics.trail;

import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Problems;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The trail's and the exports' query parameters, read strictly: anything else is a 400 naming the parameter. */
public final class TrailParameters {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private TrailParameters() {
    }

    /** An ISO-8601 instant with Z or an offset (as the figures reads' {@code asOf}); absent: null. */
    public static Instant instant(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + name + "' must be an ISO-8601 instant such as"
                    + " 2026-03-04T12:00:00Z, got " + Problems.quote(text));
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException(name, "'" + name + "' must lie in the years 1970 to 9999, got "
                    + Problems.quote(text));
        }
        return instant;
    }

    /** A figure's name ({@link CommunityFigureValues#NAMES}, or {@code verdict} for {@code productive}); absent: null. */
    public static String figure(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("verdict")) {
            return "productive";
        }
        if (!CommunityFigureValues.NAMES.contains(text)) {
            throw new InvalidInputException("figure", "'figure' must be one of verdict, "
                    + String.join(", ", CommunityFigureValues.NAMES) + ", got " + Problems.quote(text));
        }
        return text;
    }

    /** A trail cursor (a {@code next} the trail returned): decimal digits; absent: 0, the start. */
    public static long cursor(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("after", "'after' must be a 'next' the trail returned, got "
                    + Problems.quote(text));
        }
        return Long.parseLong(text);
    }
}
