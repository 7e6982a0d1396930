package com.productivecommunity.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What an outcome's value may be, for every service: greater than 0, at most 1,000,000, with at most
 * 6 decimal places (so at most 13 significant digits). Every projection can then store it exactly and
 * add millions of them without overflow or rounding (PostgreSQL {@code numeric}, Java {@link BigDecimal}).
 * The value is stored in its shortest plain form: {@code 12.50} and {@code 1.25E+1} become {@code 12.5}.
 */
public final class OutcomeValue {

    public static final BigDecimal MAX = new BigDecimal("1000000");
    public static final int MAX_DECIMAL_PLACES = 6;
    private static final BigDecimal SMALLEST = BigDecimal.ONE.movePointLeft(MAX_DECIMAL_PLACES);

    private OutcomeValue() {
    }

    /** A value that breaks the rule; the message says which part. */
    public static final class InvalidValueException extends IllegalArgumentException {
        InvalidValueException(String message) {
            super(message);
        }
    }

    /** The value as stored, or {@link InvalidValueException}. */
    public static BigDecimal normalize(BigDecimal value) {
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        // Comparisons first: they look at the exponent, so 1E-1000000000 or 1E+400 costs nothing.
        if (value.signum() <= 0 || value.compareTo(MAX) > 0) {
            throw new InvalidValueException("must be greater than 0 and at most 1,000,000");
        }
        if (value.compareTo(SMALLEST) < 0) {
            throw tooManyDecimals();
        }
        BigDecimal exact = value;
        if (value.scale() > MAX_DECIMAL_PLACES) {
            // One division, however many digits were sent: only zeros may go.
            try {
                exact = value.setScale(MAX_DECIMAL_PLACES, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw tooManyDecimals();
            }
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static InvalidValueException tooManyDecimals() {
        return new InvalidValueException("must have at most " + MAX_DECIMAL_PLACES + " decimal places");
    }

    /** True when {@code value} is valid and already in its stored form: what an event may carry. */
    public static boolean isValid(BigDecimal value) {
        try {
            BigDecimal normalized = normalize(value);
            return normalized.equals(value);
        } catch (InvalidValueException e) {
            return false;
        }
    }
}
