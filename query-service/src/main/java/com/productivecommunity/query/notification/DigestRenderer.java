package com.productivecommunity.query.notification;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A digest as an e-mail: its subject, a plain-text body and an HTML body saying the same. Pure functions of the
 * digest (no clock, no database), so what a member reads in the web client and in the mail is the same.
 */
@Component
class DigestRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    String subject(Digest digest) {
        return "Your week in Productive Community, " + week(digest.weekStart(), digest.weekEnd());
    }

    static String week(LocalDate start, LocalDate end) {
        return (start.getYear() == end.getYear() ? DAY.format(start) : DAY_YEAR.format(start)) + " – "
                + DAY_YEAR.format(end);
    }

    /** The sections as headings with their lines: rendered as text or as HTML. */
    private List<Section> sections(Digest digest) {
        List<Section> sections = new ArrayList<>();

        List<String> gave = new ArrayList<>();
        List<Digest.Posted> posted = digest.gave().contributions();
        if (!posted.isEmpty()) {
            gave.add(count(posted.size(), "contribution", "contributions") + " (" + kinds(digest.gave().byKind()) + ")");
            posted.forEach(c -> gave.add("  " + describe(c)));
        }
        if (total(digest.gave().reactionsGiven()) > 0) {
            gave.add("Reactions you gave: " + reactions(digest.gave().reactionsGiven()));
        }
        sections.add(new Section("What you gave", gave));

        List<String> got = new ArrayList<>();
        if (total(digest.got().reactionsReceived()) > 0) {
            got.add("Reactions to your contributions: " + reactions(digest.got().reactionsReceived()));
        }
        if (!digest.got().answers().isEmpty()) {
            got.add(count(digest.got().answers().size(), "answer", "answers") + " to your questions");
            digest.got().answers().forEach(a -> got.add("  " + a.authorId() + " answered" + title(a.questionTitle())
                    + in(a.communityName())));
        }
        if (!digest.got().acceptedAnswers().isEmpty()) {
            got.add(count(digest.got().acceptedAnswers().size(), "answer", "answers") + " of yours accepted");
            digest.got().acceptedAnswers().forEach(a -> got.add("  " + a.acceptedBy() + " accepted your answer to"
                    + title(a.questionTitle())));
        }
        if (!digest.got().outcomes().isEmpty()) {
            got.add(count(digest.got().outcomes().size(), "outcome", "outcomes") + " crediting your work");
            digest.got().outcomes().forEach(o -> got.add("  " + outcome(o) + in(o.communityName())));
        }
        sections.add(new Section("What you got", got));

        List<String> achieved = new ArrayList<>();
        for (Digest.CommunityWeek c : digest.communities()) {
            if (c.contributions() == 0 && c.outcomes().isEmpty() && c.newMembers().isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            parts.add(count(c.contributions(), "contribution", "contributions"));
            parts.add(count(c.outcomes().size(), "outcome", "outcomes") + " recorded");
            parts.add(count(c.newMembers().size(), "new member", "new members")
                    + (c.newMembers().isEmpty() ? "" : " (" + String.join(", ", c.newMembers()) + ")"));
            achieved.add(c.name() + ": " + String.join(", ", parts));
            c.outcomes().forEach(o -> achieved.add("  " + outcome(o)));
        }
        sections.add(new Section("What your communities achieved", achieved));
        return sections;
    }

    String text(Digest digest) {
        StringBuilder text = new StringBuilder();
        text.append(subject(digest)).append("\n\nHello ").append(digest.memberId()).append(",\n");
        for (Section section : sections(digest)) {
            text.append('\n').append(section.heading()).append('\n');
            if (section.lines().isEmpty()) {
                text.append("- Nothing this week.\n");
            }
            for (String line : section.lines()) {
                text.append(line.startsWith("  ") ? "  - " + line.substring(2) : "- " + line).append('\n');
            }
        }
        return text.toString();
    }

    String html(Digest digest) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject(digest))).append("</title></head><body>\n<h1>").append(escape(subject(digest)))
                .append("</h1>\n<p>Hello ").append(escape(digest.memberId())).append(",</p>\n");
        for (Section section : sections(digest)) {
            html.append("<h2>").append(escape(section.heading())).append("</h2>\n");
            if (section.lines().isEmpty()) {
                html.append("<p>Nothing this week.</p>\n");
                continue;
            }
            // a line indented by two spaces belongs to the line before it: a nested list
            List<List<String>> items = new ArrayList<>();
            for (String line : section.lines()) {
                if (line.startsWith("  ") && !items.isEmpty()) {
                    items.get(items.size() - 1).add(line.substring(2));
                } else {
                    items.add(new ArrayList<>(List.of(line.strip())));
                }
            }
            html.append("<ul>\n");
            for (List<String> item : items) {
                html.append("<li>").append(escape(item.get(0)));
                if (item.size() > 1) {
                    html.append("\n<ul>\n");
                    item.subList(1, item.size()).forEach(sub -> html.append("<li>").append(escape(sub)).append("</li>\n"));
                    html.append("</ul>\n");
                }
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String describe(Digest.Posted c) {
        String what = c.kind() == ContributionKind.ANSWER
                ? "Answer to" + (c.questionTitle() == null ? " a question" : title(c.questionTitle()))
                : name(c.kind()) + title(c.title());
        return what + in(c.communityName());
    }

    private static String outcome(Digest.OutcomeLine o) {
        return NotificationReads.quoted(o.description()).substring(1) + " (value " + o.value().stripTrailingZeros()
                .toPlainString() + ", recorded by " + o.recordedBy() + ")";
    }

    private static String title(String title) {
        return title == null ? "" : NotificationReads.quoted(title);
    }

    private static String in(String community) {
        return community == null ? "" : " in " + community;
    }

    private static String kinds(Map<ContributionKind, Integer> byKind) {
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, n) -> {
            if (n > 0) {
                parts.add(n + " " + name(kind).toLowerCase(Locale.ENGLISH) + (n == 1 ? "" : "s"));
            }
        });
        return String.join(", ", parts);
    }

    private static String reactions(Map<ReactionKind, Integer> counts) {
        Function<ReactionKind, String> label = kind -> switch (kind) {
            case LIKE -> counts.get(kind) == 1 ? "like" : "likes";
            case THANKS -> "thanks";
            case USEFUL -> "useful";
        };
        List<String> parts = new ArrayList<>();
        for (ReactionKind kind : ReactionKind.values()) {
            parts.add(counts.getOrDefault(kind, 0) + " " + label.apply(kind));
        }
        return String.join(", ", parts);
    }

    private static int total(Map<ReactionKind, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String name(ContributionKind kind) {
        return switch (kind) {
            case QUESTION -> "Question";
            case ANSWER -> "Answer";
            case POST -> "Post";
            case IDEA -> "Idea";
        };
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private record Section(String heading, List<String> lines) {
    }
}
