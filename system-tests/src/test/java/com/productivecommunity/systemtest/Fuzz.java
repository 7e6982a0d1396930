package com.productivecommunity.systemtest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The fuzzer's inputs: hostile texts (every plane, controls, unpaired surrogates, noncharacters, escapes,
 * very long, empty) mixed with ordinary ones so that many commands are accepted, numbers as JSON text
 * (including what is not JSON), arbitrary JSON values, ids and path segments.
 */
final class Fuzz {

    private Fuzz() {
    }

    /** One field of a JSON body: its JSON text, and the Java string it carries when it is a JSON string. */
    record Fragment(String json, String text) {

        static Fragment absent() {
            return new Fragment(null, null);
        }

        static Fragment of(String text, boolean escapeAll) {
            return new Fragment(literal(text, escapeAll), text);
        }

        /** Any JSON text; when it is a JSON string, what it carries (as a JSON reader decodes it). */
        static Fragment raw(String json) {
            try {
                com.fasterxml.jackson.databind.JsonNode node = READER.readTree(json);
                return new Fragment(json, node != null && node.isTextual() ? node.textValue() : null);
            } catch (java.io.IOException | RuntimeException notJson) {
                return new Fragment(json, null);
            }
        }

        boolean present() {
            return json != null;
        }

        boolean isNull() {
            return "null".equals(json);
        }

        @Override
        public String toString() {
            return json == null ? "<absent>" : json.length() > 120 ? json.substring(0, 120) + "…(" + json.length() + ")" : json;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static final List<String> SPECIAL = List.of("", " ", "  \t ", "\u0000", "a\u0000b", "\uFEFF", "\uFEFFName",
            "\uD800", "x\uDBFFy", "\uDC00abc", "\uFFFE", "\uFFFF", "\uFDD0x", "\u2028", "line\u2029break", "x\r\ny",
            "\r", "\n\n\n", "\t", "\u200B", "\u200B\u200D\u2060", "\u00A0\u3000", "\u0085", "\u007F", "\u009F",
            "a\u001Bb", "\\", "\"", "\\u0000", "</script>", "'; DROP TABLE community; --", "%00", "${jndi:ldap://x}",
            "\uD83D\uDE00", "e\u0301", "\u202Eevil", "\uDB40\uDC01", "\uE000", new String(Character.toChars(0x10FFFD)),
            new String(Character.toChars(0x1FFFE)), new String(Character.toChars(0xE0001)));

    private static final String NICE_CHARS = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789äöüéèßçñ字漢かカ한글ไทยعربيעברית"
            + "ΑΒΓабв.,;:!?-_()";

    /** Texts of every kind; about half are valid under every text rule. */
    static Arbitrary<String> texts() {
        Arbitrary<String> nice = Arbitraries.strings().withChars(NICE_CHARS).ofMinLength(3).ofMaxLength(60)
                .map(s -> "T" + s);
        Arbitrary<String> niceWithAstral = Combinators.combine(nice,
                Arbitraries.integers().between(0x10000, 0x10FFFD)).as((s, cp) -> s + new String(Character.toChars(cp)));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> anyCodePoints = Arbitraries.integers().between(0, Character.MAX_CODE_POINT).list()
                .ofMaxSize(30).map(Fuzz::fromCodePoints);
        Arbitrary<String> special = Arbitraries.of(SPECIAL);
        Arbitrary<String> niceWithSpecial = Combinators.combine(nice, special, Arbitraries.integers().between(0, 60))
                .as((s, x, at) -> s.substring(0, Math.min(at, s.length())) + x + s.substring(Math.min(at, s.length())));
        Arbitrary<String> padded = Combinators.combine(Arbitraries.of(" ", "\n", "\r\n", "\t", "\u3000", "\u00A0", ""),
                nice, Arbitraries.of(" ", "\n", "\r\n", "\t ", "\u2003", "")).as((a, s, b) -> a + s + b);
        Arbitrary<String> multiLine = nice.list().ofMinSize(2).ofMaxSize(6).map(lines -> String.join("\n", lines));
        Arbitrary<String> longTexts = Combinators.combine(
                Arbitraries.of(2, 3, 99, 100, 101, 199, 200, 201, 499, 500, 501, 999, 1_000, 1_001, 19_999, 20_000,
                        20_001, 30_000),
                Arbitraries.of("x", "é", "\uD83D\uDE00", "字", "ab ")).as((n, unit) -> unit.repeat(n));
        return Arbitraries.frequencyOf(
                Tuple.of(45, nice), Tuple.of(6, niceWithAstral), Tuple.of(10, padded), Tuple.of(8, multiLine),
                Tuple.of(14, niceWithSpecial), Tuple.of(10, anyChars), Tuple.of(8, anyCodePoints),
                Tuple.of(10, special), Tuple.of(8, longTexts));
    }

    /** A text field: mostly a JSON string, sometimes another JSON value, null, or absent. */
    static Arbitrary<Fragment> textField() {
        return Arbitraries.frequencyOf(
                Tuple.of(84, Combinators.combine(texts(), Arbitraries.of(false, false, false, true))
                        .as(Fragment::of)),
                Tuple.of(8, jsonValues().map(Fragment::raw)),
                Tuple.of(4, Arbitraries.just(Fragment.raw("null"))),
                Tuple.of(4, Arbitraries.just(Fragment.absent())));
    }

    /** Outcome values as JSON text: valid decimals, the edges of the rule, and what no decimal or JSON holds. */
    static Arbitrary<Fragment> numberField() {
        Arbitrary<String> valid = Combinators.combine(Arbitraries.integers().between(0, 999_999),
                Arbitraries.integers().between(0, 999_999), Arbitraries.integers().between(0, 6))
                .as((whole, fraction, places) -> {
                    String digits = String.format("%06d", fraction).substring(0, places);
                    String text = places == 0 ? String.valueOf(whole) : whole + "." + digits;
                    return text.matches("0(\\.0*)?") ? "1" : text;
                });
        Arbitrary<String> edges = Arbitraries.of("1000000", "0.000001", "999999.999999", "1E+6", "1e6", "12.500000",
                "1.0e2", "1000000.000000", "0.0000010");
        Arbitrary<String> hostile = Arbitraries.of("0", "-0", "-0.0", "-1", "1000000.000001", "1e400", "1E-7",
                "1e-1000000000", "1e99999999999", "-1e99999999999", "NaN", "Infinity", "-Infinity", "0.0000001",
                "9".repeat(500), "0." + "1".repeat(500), "1." + "0".repeat(3_000) + "1", "\"12\"", "true", "null",
                "[1]", "{}", "01", ".5", "+1", "0x10", "1e", "--1", "1.2.3", "\"\"", "1_000");
        Arbitrary<String> decimals = Arbitraries.bigDecimals().between(new java.math.BigDecimal("-10000000"),
                new java.math.BigDecimal("10000000")).ofScale(9).map(d -> d.stripTrailingZeros().toString());
        return Arbitraries.frequencyOf(Tuple.of(50, valid), Tuple.of(10, edges), Tuple.of(25, hostile),
                Tuple.of(10, decimals), Tuple.of(5, Arbitraries.just(null))).map(json ->
                json == null ? Fragment.absent() : Fragment.raw(json));
    }

    /** Arbitrary JSON values (and some that are not JSON), nested a few levels. */
    static Arbitrary<String> jsonValues() {
        return Arbitraries.recursive(Fuzz::jsonScalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]"),
                Combinators.combine(Arbitraries.of("name", "purpose", "kind", "title", "body", "value", "x", "\u0000",
                                "\uD800", ""), inner).as((k, v) -> literal(k, true) + ":" + v)
                        .list().ofMaxSize(4).map(fields -> "{" + String.join(",", fields) + "}")), 0, 3);
    }

    private static Arbitrary<String> jsonScalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("null", "true", "false", "0", "-0", "1", "1.5", "1e400", "NaN", "\"\"",
                        "'single'", "undefined", "")),
                Tuple.of(3, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(3, texts().map(text -> literal(text, false))));
    }

    /** A path segment that is not a UUID, URL-encoded. */
    static Arbitrary<String> garbageSegments() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, texts().filter(s -> !s.isEmpty()).map(s -> s.length() > 300 ? s.substring(0, 300) : s)
                        .map(Fuzz::encode)),
                Tuple.of(2, Arbitraries.of("not-a-uuid", "1-1-1-1-1", "00000000000000000000000000000000",
                        "0b6b2f8e-4a8e-4a36-8d6e-0e6f3d3f5b7c0", "%00", "%2e%2e", "..", "%2F", "%5C", "me", "null")),
                Tuple.of(1, Arbitraries.create(UUID::randomUUID).map(id -> id.toString().toUpperCase() + "x")));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * A JSON string literal for {@code text}: quotes, backslashes, controls and every surrogate escaped
     * (a lone surrogate can only travel as an escape), and with {@code escapeAll} every non-ASCII character too.
     */
    static String literal(String text, boolean escapeAll) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || (escapeAll && c > 0x7E)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    static String object(List<String> members) {
        return members.stream().filter(m -> m != null).collect(Collectors.joining(",", "{", "}"));
    }

    static String member(String name, Fragment value) {
        return value.present() ? literal(name, false) + ":" + value.json() : null;
    }
}
