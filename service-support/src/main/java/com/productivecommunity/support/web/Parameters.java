package com.productivecommunity.support.web;

/**
 * Numbers in query parameters, read strictly: decimal digits only, no sign, no {@code 0x}, no exponent
 * (Spring's own conversion also reads {@code +5}, {@code 0x10} and {@code #10}). Wrong is a 400 naming the parameter.
 */
public final class Parameters {

    private Parameters() {
    }

    /** {@code text} as an integer from {@code min} to {@code max}; absent or empty gives {@code defaultValue}. */
    public static int integer(String name, String text, int min, int max, int defaultValue) {
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        boolean digits = text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        int value = digits ? Integer.parseInt(text) : -1;
        if (!digits || value < min || value > max) {
            throw new InvalidInputException(name, "'" + name + "' must be an integer from " + min + " to " + max
                    + ", got " + Problems.quote(text));
        }
        return value;
    }
}
