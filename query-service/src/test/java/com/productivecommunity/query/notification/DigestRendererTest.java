package com.productivecommunity.query.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DigestRendererTest {

    private final DigestRenderer renderer = new DigestRenderer();
    private final LocalDate monday = LocalDate.parse("2026-11-30");
    private final Instant tuesday = Instant.parse("2026-12-01T10:00:00Z");
    private final UUID community = UUID.randomUUID();

    private static <K extends Enum<K>> Map<K, Integer> counts(Class<K> type, int... values) {
        Map<K, Integer> map = new EnumMap<>(type);
        K[] keys = type.getEnumConstants();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    private Digest busyWeek() {
        UUID question = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        Digest.OutcomeLine outcome = new Digest.OutcomeLine(UUID.randomUUID(), community, "Maintenance",
                "Vibration checks <adopted> & 12 h saved", new BigDecimal("12.50"), "carol", tuesday);
        return new Digest("bob", monday, monday.plusDays(6),
                new Digest.Gave(List.of(
                        new Digest.Posted(answer, community, "Maintenance", ContributionKind.ANSWER, null,
                                "Why does line 3 stop?", tuesday),
                        new Digest.Posted(UUID.randomUUID(), community, "Maintenance", ContributionKind.IDEA,
                                "Check the bearings", null, tuesday)),
                        counts(ContributionKind.class, 0, 1, 0, 1), counts(ReactionKind.class, 2, 1, 0)),
                new Digest.Got(counts(ReactionKind.class, 1, 3, 0),
                        List.of(new Digest.AnswerReceived(UUID.randomUUID(), question, "How to log downtime?", "alice",
                                "Maintenance", tuesday)),
                        List.of(new Digest.AnswerAccepted(answer, question, "Why does line 3 stop?", "alice", tuesday)),
                        List.of(outcome)),
                List.of(new Digest.CommunityWeek(community, "Maintenance", 5, List.of(outcome), List.of("grace", "frank")),
                        new Digest.CommunityWeek(UUID.randomUUID(), "Quiet", 0, List.of(), List.of())));
    }

    @Test
    void theTextBodySaysWhatTheMemberGaveGotAndWhatTheirCommunitiesAchieved() {
        assertThat(renderer.text(busyWeek())).isEqualTo("""
                Your week in Productive Community, 30 Nov – 6 Dec 2026

                Hello bob,

                What you gave
                - 2 contributions (1 answer, 1 idea)
                  - Answer to “Why does line 3 stop?” in Maintenance
                  - Idea “Check the bearings” in Maintenance
                - Reactions you gave: 2 likes, 1 thanks, 0 useful

                What you got
                - Reactions to your contributions: 1 like, 3 thanks, 0 useful
                - 1 answer to your questions
                  - alice answered “How to log downtime?” in Maintenance
                - 1 answer of yours accepted
                  - alice accepted your answer to “Why does line 3 stop?”
                - 1 outcome crediting your work
                  - “Vibration checks <adopted> & 12 h saved” (value 12.5, recorded by carol) in Maintenance

                What your communities achieved
                - Maintenance: 5 contributions, 1 outcome recorded, 2 new members (grace, frank)
                  - “Vibration checks <adopted> & 12 h saved” (value 12.5, recorded by carol)
                """);
    }

    @Test
    void anEmptyWeekSaysNothingHappenedAndIsNotSent() {
        Digest empty = new Digest("alice", monday, monday.plusDays(6),
                new Digest.Gave(List.of(), counts(ContributionKind.class, 0, 0, 0, 0), counts(ReactionKind.class, 0, 0, 0)),
                new Digest.Got(counts(ReactionKind.class, 0, 0, 0), List.of(), List.of(), List.of()),
                List.of(new Digest.CommunityWeek(community, "Quiet", 0, List.of(), List.of())));
        assertThat(empty.hasNothing()).isTrue();
        assertThat(busyWeek().hasNothing()).isFalse();
        assertThat(renderer.text(empty)).contains("What you gave\n- Nothing this week.\n",
                "What your communities achieved\n- Nothing this week.\n");
        assertThat(renderer.html(empty)).contains("<h2>What you got</h2>\n<p>Nothing this week.</p>");
    }

    @Test
    void theHtmlBodyEscapesEverythingAndNestsTheDetails() {
        String html = renderer.html(busyWeek());
        assertThat(html).startsWith("<!doctype html>")
                .contains("<title>Your week in Productive Community, 30 Nov – 6 Dec 2026</title>")
                .contains("<li>1 outcome crediting your work\n<ul>\n<li>“Vibration checks &lt;adopted&gt; &amp; 12 h saved”"
                        + " (value 12.5, recorded by carol) in Maintenance</li>\n</ul>\n</li>")
                .doesNotContain("<adopted>").doesNotContain("Quiet");
    }

    @Test
    void aWeekAcrossTheYearNamesBothYears() {
        assertThat(DigestRenderer.week(LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-03")))
                .isEqualTo("28 Dec 2026 – 3 Jan 2027");
    }

    @Test
    void notificationTextsQuoteTitlesCutAtEightyCharacters() {
        assertThat(NotificationReads.text(NotificationKind.THANKED, "bob", false, "x".repeat(100), null))
                .isEqualTo("bob thanked you for “" + "x".repeat(79) + "…”");
        assertThat(NotificationReads.text(NotificationKind.ANSWERED, "bob", false, null, null))
                .isEqualTo("bob answered your question");
        assertThat(NotificationReads.text(NotificationKind.CREDITED, "carol", false, null, "Saved  time\nand money"))
                .isEqualTo("carol recorded an outcome that credits your work: “Saved time and money”");
    }
}
