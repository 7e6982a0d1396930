package com.productivecommunity.events;

import java.util.Objects;
import java.util.Optional;

/**
 * What a valid text is, for every service: the command side accepts only such texts, so every event's
 * text fields hold only such texts, and every projection can store them (PostgreSQL {@code text} refuses
 * U+0000, for one) and show them. The rules, in the order they are checked:
 * <ol>
 *   <li>well-formed UTF-16: no unpaired surrogate;</li>
 *   <li>no control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F), except line feed and
 *       tab in a {@link Kind#MULTI_LINE} text; there CR LF and a lone CR are first turned into LF;</li>
 *   <li>no line or paragraph separator (U+2028, U+2029) in a text that is not multi-line;</li>
 *   <li>no noncharacter (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF,
 *       U+1FFFE, ...) and no U+FEFF (byte order mark, zero width no-break space);</li>
 *   <li>white space at the ends (Unicode White_Space) is removed: both ends of a single-line text;
 *       trailing white space and leading blank lines of a multi-line text (the first line's indentation
 *       stays); an {@link Kind#IDENTIFIER} is never changed, white space at its ends is refused;</li>
 *   <li>a text with nothing visible left (only white space and format characters such as U+200B) is
 *       missing;</li>
 *   <li>its length, counted in Unicode code points after the steps above, is within the rule's bounds.</li>
 * </ol>
 * Code points, not UTF-16 units or grapheme clusters: the count is the same in Java, JavaScript's
 * {@code [...text].length} and PostgreSQL's {@code char_length}, and does not change with the Unicode
 * version (grapheme segmentation does). Private-use and unassigned code points, format characters (ZWJ in
 * emoji sequences, bidirectional marks) and combining marks are valid text.
 */
public final class Text {

    /** Whether a text may span lines, and whether it is normalised. */
    public enum Kind {
        /** Names and titles: one line, white space at both ends removed. */
        SINGLE_LINE,
        /** Bodies, descriptions, purposes: line feeds and tabs allowed, CR LF turned into LF. */
        MULTI_LINE,
        /** Ids given as text (member ids): one line, taken exactly as given or refused. */
        IDENTIFIER
    }

    /** A text field's kind and its length bounds in code points (inclusive). */
    public record Rule(Kind kind, int min, int max) {
        public Rule {
            Objects.requireNonNull(kind, "kind");
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("Bounds " + min + ".." + max);
            }
        }
    }

    /** The limits of docs/api.md. */
    public static final Rule COMMUNITY_NAME = new Rule(Kind.SINGLE_LINE, 3, 100);
    public static final Rule PURPOSE = new Rule(Kind.MULTI_LINE, 1, 500);
    public static final Rule CONTRIBUTION_TITLE = new Rule(Kind.SINGLE_LINE, 1, 200);
    public static final Rule CONTRIBUTION_BODY = new Rule(Kind.MULTI_LINE, 1, 20_000);
    public static final Rule OUTCOME_DESCRIPTION = new Rule(Kind.MULTI_LINE, 1, 1_000);
    /** Why a leader hid a contribution or removed a member. */
    public static final Rule MODERATION_REASON = new Rule(Kind.MULTI_LINE, 1, 500);
    /** A member id (the authenticated user name), as command-service's lookup tables hold it. */
    public static final Rule MEMBER_ID = new Rule(Kind.IDENTIFIER, 1, 255);

    private Text() {
    }

    /** A text that breaks the rules; the message says which rule, and where, without repeating the text. */
    public static final class InvalidTextException extends IllegalArgumentException {
        private final boolean missing;

        InvalidTextException(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }

        /** True when the text was absent or blank (as opposed to present and invalid). */
        public boolean missing() {
            return missing;
        }
    }

    /**
     * The text as it is stored: {@code value} normalised (line breaks, white space at the ends) under
     * {@code rule}. Throws {@link InvalidTextException} when it is null, blank or breaks a rule.
     */
    public static String normalize(String value, Rule rule) {
        if (value == null) {
            throw new InvalidTextException("is required", true);
        }
        checkCharacters(value, rule.kind());
        String text = switch (rule.kind()) {
            case SINGLE_LINE -> strip(value);
            case MULTI_LINE -> stripMultiLine(value.replace("\r\n", "\n").replace('\r', '\n'));
            case IDENTIFIER -> value;
        };
        if (!hasVisible(text)) {
            throw new InvalidTextException(value.isEmpty() ? "is required" : "is required (it is blank)", true);
        }
        if (rule.kind() == Kind.IDENTIFIER && !text.equals(strip(text))) {
            throw new InvalidTextException("must not begin or end with white space", false);
        }
        int length = text.codePointCount(0, text.length());
        if (length < rule.min() || length > rule.max()) {
            throw new InvalidTextException("must be " + rule.min() + " to " + rule.max()
                    + " characters (Unicode code points), got " + length, false);
        }
        return text;
    }

    /** The text normalised, or empty when it is null or blank (an optional field); invalid text still throws. */
    public static Optional<String> normalizeOptional(String value, Rule rule) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(normalize(value, rule));
        } catch (InvalidTextException e) {
            if (e.missing()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** True when {@code value} is a valid, already normalised text under {@code rule}: what an event may carry. */
    public static boolean isValid(String value, Rule rule) {
        try {
            return normalize(value, rule).equals(value);
        } catch (InvalidTextException e) {
            return false;
        }
    }

    private static void checkCharacters(String value, Kind kind) {
        int position = 0;
        for (int i = 0; i < value.length(); position++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw invalid("an unpaired surrogate", c, position);
                }
                int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                if (isNoncharacter(codePoint)) {
                    throw invalid("a noncharacter", codePoint, position);
                }
                i += 2;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw invalid("an unpaired surrogate", c, position);
            }
            boolean multiLine = kind == Kind.MULTI_LINE;
            if (Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\n' || c == '\t' || c == '\r'))) {
                throw invalid(c == 0 ? "a NUL character" : multiLine ? "a control character (only line feed and tab are allowed)"
                        : "a control character (line breaks and tabs are not allowed here)", c, position);
            }
            if ((c == '\u2028' || c == '\u2029') && !multiLine) {
                throw invalid("a line separator (line breaks are not allowed here)", c, position);
            }
            if (c == '\uFEFF') {
                throw invalid("a byte order mark", c, position);
            }
            if (isNoncharacter(c)) {
                throw invalid("a noncharacter", c, position);
            }
            i++;
        }
    }

    private static InvalidTextException invalid(String what, int codePoint, int position) {
        return new InvalidTextException(String.format("contains %s, U+%04X, at character %d", what, codePoint,
                position + 1), false);
    }

    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** Unicode White_Space: Java's whitespace plus the space separators it leaves out (U+00A0, U+2007, U+202F). */
    static boolean isWhiteSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhiteSpace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isWhiteSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /** Trailing white space and leading blank lines go; the first non-blank line keeps its indentation. */
    private static String stripMultiLine(String value) {
        int end = value.length();
        while (end > 0 && isWhiteSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        int firstVisible = 0;
        while (firstVisible < end && isWhiteSpace(value.codePointAt(firstVisible))) {
            firstVisible += Character.charCount(value.codePointAt(firstVisible));
        }
        int lineStart = value.lastIndexOf('\n', firstVisible - 1) + 1;
        return lineStart >= end ? "" : value.substring(lineStart, end);
    }

    /** Visible: anything but white space and format characters (Cf: zero width space, joiners, marks...). */
    private static boolean hasVisible(String text) {
        return text.codePoints().anyMatch(cp -> !isWhiteSpace(cp) && Character.getType(cp) != Character.FORMAT);
    }
}
