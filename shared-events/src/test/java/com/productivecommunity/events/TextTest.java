package com.productivecommunity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.events.Text.InvalidTextException;
import com.productivecommunity.events.Text.Kind;
import com.productivecommunity.events.Text.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    private static final Rule SINGLE = new Rule(Kind.SINGLE_LINE, 1, 10);
    private static final Rule MULTI = new Rule(Kind.MULTI_LINE, 1, 10);
    private static final Rule ID = new Rule(Kind.IDENTIFIER, 1, 10);

    @Test
    void ordinaryTextOfEveryScriptAndPlaneIsKeptAsItIs() {
        for (String text : List.of("Welding", "Soudure à l'arc", "Сварка", "溶接", "용접", "لحام", "ריתוך",
                "\uD83D\uDC68\u200D\uD83D\uDD27 fix", "\uD835\uDD4F", "e\u0301", "\uE000", "x\uDB40\uDC41",
                "\u0378", "\u200Fabc", "a\u200Bb")) {
            assertThat(Text.normalize(text, new Rule(Kind.SINGLE_LINE, 1, 100))).as(text).isEqualTo(text);
            assertThat(Text.isValid(text, new Rule(Kind.MULTI_LINE, 1, 100))).as(text).isTrue();
        }
    }

    @Test
    void nullEmptyAndBlankAreMissing() {
        for (Rule rule : List.of(SINGLE, MULTI, ID)) {
            for (String blank : new String[] {null, "", " ", "\u00A0", "\u3000", "\u200B", "\u2060", " \u200D "}) {
                assertThatThrownBy(() -> Text.normalize(blank, rule)).as(rule + " " + blank)
                        .isInstanceOfSatisfying(InvalidTextException.class, e -> {
                            assertThat(e.missing()).isTrue();
                            assertThat(e.getMessage()).startsWith("is required");
                        });
                assertThat(Text.normalizeOptional(blank, rule)).isEmpty();
            }
        }
        assertThatThrownBy(() -> Text.normalize("\n\t\r\n ", MULTI)).isInstanceOfSatisfying(InvalidTextException.class,
                e -> assertThat(e.missing()).isTrue());
    }

    @Test
    void nulIsRefusedEverywhere() {
        for (Rule rule : List.of(SINGLE, MULTI, ID)) {
            assertThatThrownBy(() -> Text.normalize("ab\u0000c", rule)).as(rule.kind().name())
                    .isInstanceOfSatisfying(InvalidTextException.class, e -> {
                        assertThat(e.missing()).isFalse();
                        assertThat(e.getMessage()).isEqualTo("contains a NUL character, U+0000, at character 3");
                    });
        }
        assertThatThrownBy(() -> Text.normalizeOptional("\u0000", MULTI)).isInstanceOf(InvalidTextException.class);
    }

    @Test
    void everyOtherControlCharacterIsRefusedButLineFeedAndTabInMultiLineText() {
        for (int c = 1; c <= 0x9F; c++) {
            if (c > 0x1F && c < 0x7F) {
                continue;
            }
            String text = "a" + (char) c + "b";
            int code = c;
            assertThatThrownBy(() -> Text.normalize(text, SINGLE)).as("U+%04X single", code)
                    .hasMessageContaining(String.format("U+%04X", code));
            assertThatThrownBy(() -> Text.normalize(text, ID)).as("U+%04X id", code)
                    .hasMessageContaining("control character");
            if (c == '\n' || c == '\t') {
                assertThat(Text.normalize(text, MULTI)).isEqualTo(text);
            } else if (c == '\r') {
                assertThat(Text.normalize(text, MULTI)).isEqualTo("a\nb");
            } else {
                assertThatThrownBy(() -> Text.normalize(text, MULTI)).as("U+%04X multi", code)
                        .hasMessageContaining("control character");
            }
        }
    }

    @Test
    void lineBreaksOfMultiLineTextBecomeLineFeeds() {
        assertThat(Text.normalize("a\r\nb\rc\nd", MULTI)).isEqualTo("a\nb\nc\nd");
        assertThat(Text.normalize("a\u2028b\u2029c", MULTI)).isEqualTo("a\u2028b\u2029c");
        assertThatThrownBy(() -> Text.normalize("a\u2028b", SINGLE)).hasMessageContaining("U+2028");
        assertThatThrownBy(() -> Text.normalize("a\u2029b", ID)).hasMessageContaining("U+2029");
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        for (String text : List.of("\uD800", "a\uD83D", "\uDC00a", "\uDC00\uD800", "a\uD83Db\uDE00")) {
            for (Rule rule : List.of(SINGLE, MULTI, ID)) {
                assertThatThrownBy(() -> Text.normalize(text, rule))
                        .isInstanceOf(InvalidTextException.class).hasMessageContaining("unpaired surrogate");
            }
        }
        assertThatThrownBy(() -> Text.normalize("ab\uDE00", SINGLE))
                .hasMessage("contains an unpaired surrogate, U+DE00, at character 3");
    }

    @Test
    void noncharactersAndTheByteOrderMarkAreRefused() {
        Map<String, String> refused = Map.of(
                "\uFDD0", "noncharacter", "\uFDEF", "noncharacter", "\uFFFE", "noncharacter",
                "\uFFFF", "noncharacter", new String(Character.toChars(0x1FFFE)), "noncharacter",
                new String(Character.toChars(0x10FFFF)), "noncharacter", "\uFEFF", "byte order mark");
        refused.forEach((text, what) -> {
            for (Rule rule : List.of(SINGLE, MULTI, ID)) {
                assertThatThrownBy(() -> Text.normalize("x" + text, rule)).as("%s", text)
                        .hasMessageContaining(what).hasMessageContaining("at character 2");
            }
        });
        // Just outside the noncharacter ranges.
        for (String text : List.of("\uFDCF", "\uFDF0", "\uFFFD", new String(Character.toChars(0x1FFFD)),
                new String(Character.toChars(0x10FFFD)))) {
            assertThat(Text.isValid(text, SINGLE)).as("%s", text).isTrue();
        }
    }

    @Test
    void singleLineTextLosesWhiteSpaceAtBothEnds() {
        assertThat(Text.normalize("  Welding \u00A0\u3000", SINGLE)).isEqualTo("Welding");
        assertThat(Text.normalize("\u2003a b\u202F", SINGLE)).isEqualTo("a b");
        assertThat(Text.isValid(" a", SINGLE)).isFalse();
        assertThat(Text.isValid("a b", SINGLE)).isTrue();
    }

    @Test
    void multiLineTextLosesTrailingWhiteSpaceAndLeadingBlankLinesButKeepsItsIndentation() {
        Rule rule = new Rule(Kind.MULTI_LINE, 1, 100);
        assertThat(Text.normalize("\n  \n    code\n  more\n\n  \t", rule)).isEqualTo("    code\n  more");
        assertThat(Text.normalize("  indented", rule)).isEqualTo("  indented");
        assertThat(Text.normalize("\r\n\r\n\tx\r\n", rule)).isEqualTo("\tx");
        assertThat(Text.isValid("a\n\nb", rule)).isTrue();
        assertThat(Text.isValid("a\n", rule)).isFalse();
    }

    @Test
    void identifiersAreNeverChangedWhiteSpaceAtTheirEndsIsRefused() {
        assertThat(Text.normalize("alice", ID)).isEqualTo("alice");
        assertThat(Text.normalize("a b", ID)).isEqualTo("a b");
        assertThatThrownBy(() -> Text.normalize(" alice", ID)).hasMessageContaining("white space");
        assertThatThrownBy(() -> Text.normalize("alice\u00A0", ID)).hasMessageContaining("white space");
    }

    @Test
    void lengthIsCountedInCodePointsAfterNormalisation() {
        String astral = new String(Character.toChars(0x1F600)); // two UTF-16 units, one code point
        assertThat(Text.normalize(astral.repeat(10), SINGLE)).hasSize(20);
        assertThatThrownBy(() -> Text.normalize(astral.repeat(11), SINGLE))
                .hasMessage("must be 1 to 10 characters (Unicode code points), got 11");
        assertThat(Text.normalize("  " + "x".repeat(10) + "  ", SINGLE)).hasSize(10);
        // One grapheme cluster, several code points: each code point counts.
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 5 code points
        assertThat(Text.isValid(family.repeat(2), SINGLE)).isTrue();
        assertThat(Text.isValid(family.repeat(3), SINGLE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 100, 101})
    void communityNameBoundsAreThreeToOneHundred(int length) {
        String name = "n".repeat(length);
        assertThat(Text.isValid(name, Text.COMMUNITY_NAME)).isEqualTo(length >= 3 && length <= 100);
    }

    @Test
    void everyApiLimitIsAtItsBoundary() {
        Map<Rule, int[]> bounds = Map.of(Text.COMMUNITY_NAME, new int[] {3, 100}, Text.PURPOSE, new int[] {1, 500},
                Text.CONTRIBUTION_TITLE, new int[] {1, 200}, Text.CONTRIBUTION_BODY, new int[] {1, 20_000},
                Text.OUTCOME_DESCRIPTION, new int[] {1, 1_000}, Text.MEMBER_ID, new int[] {1, 255});
        String astral = new String(Character.toChars(0x10400));
        bounds.forEach((rule, minMax) -> {
            assertThat(Text.isValid(astral.repeat(minMax[0]), rule)).as(rule + " min").isTrue();
            assertThat(Text.isValid(astral.repeat(minMax[1]), rule)).as(rule + " max").isTrue();
            assertThat(Text.isValid(astral.repeat(minMax[1] + 1), rule)).as(rule + " max+1").isFalse();
            if (minMax[0] > 1) {
                assertThat(Text.isValid(astral.repeat(minMax[0] - 1), rule)).as(rule + " min-1").isFalse();
            }
        });
        assertThat(Text.COMMUNITY_NAME.kind()).isEqualTo(Kind.SINGLE_LINE);
        assertThat(Text.CONTRIBUTION_TITLE.kind()).isEqualTo(Kind.SINGLE_LINE);
        assertThat(Text.PURPOSE.kind()).isEqualTo(Kind.MULTI_LINE);
        assertThat(Text.CONTRIBUTION_BODY.kind()).isEqualTo(Kind.MULTI_LINE);
        assertThat(Text.OUTCOME_DESCRIPTION.kind()).isEqualTo(Kind.MULTI_LINE);
        assertThat(Text.MEMBER_ID.kind()).isEqualTo(Kind.IDENTIFIER);
    }

    @Test
    void everyBmpAndAstralCodePointIsEitherAcceptedOrRefusedWithAReasonNeverAnotherFailure() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String text = "a" + new String(Character.toChars(cp)) + "b";
            for (Rule rule : List.of(SINGLE, MULTI, ID)) {
                try {
                    String normalized = Text.normalize(text, rule);
                    assertThat(Text.isValid(normalized, rule)).isTrue();
                } catch (InvalidTextException e) {
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        }
    }
}
