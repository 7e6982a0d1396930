package com.productivecommunity.command.core;

import java.math.BigDecimal;

/** The input limits of api.md; a value out of bounds is an {@link InvalidInput}. */
public final class Limits {

    private static final BigDecimal MAX_OUTCOME_VALUE = new BigDecimal("1000000");

    private Limits() {
    }

    public static String communityName(String name) {
        return text("name", name, 3, 100);
    }

    public static String purpose(String purpose) {
        return text("purpose", purpose, 1, 500);
    }

    public static String title(String title) {
        return text("title", title, 1, 200);
    }

    public static String body(String body) {
        return text("body", body, 1, 20_000);
    }

    public static String outcomeDescription(String description) {
        return text("description", description, 1, 1_000);
    }

    public static BigDecimal outcomeValue(BigDecimal value) {
        if (value == null) {
            throw new InvalidInput("value is required");
        }
        if (value.signum() <= 0 || value.compareTo(MAX_OUTCOME_VALUE) > 0) {
            throw new InvalidInput("value must be greater than 0 and at most 1,000,000, got " + value.toPlainString());
        }
        return value;
    }

    /** Blank text counts as missing: a purpose of spaces states nothing. */
    private static String text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field + " is required");
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new InvalidInput(field + " must be " + min + " to " + max + " characters, got " + length);
        }
        return value;
    }
}
