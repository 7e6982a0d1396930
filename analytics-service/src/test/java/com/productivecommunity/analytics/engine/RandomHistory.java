package com.productivecommunity.analytics.engine;

import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ReactionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random but plausible event histories over a few communities: posts, answers, repeated views and
 * reactions (also on one's own contributions), acceptances, outcomes and membership changes, spread over days.
 */
public final class RandomHistory {

    private static final String[] MEMBERS = {"alice", "bob", "carol", "frank", "grace", "dana"};

    private RandomHistory() {
    }

    public static List<CommunityEvent> generate(Random random, int length) {
        return generate(random, length, false);
    }

    /**
     * With {@code withdrawals}, some of the joins become edits, retractions and hidings of a random contribution
     * (a contribution may be withdrawn more than once, as a buggy producer might; it must count once).
     */
    public static List<CommunityEvent> generate(Random random, int length, boolean withdrawals) {
        List<Events> communities = new ArrayList<>();
        List<List<ContributionPosted>> posted = new ArrayList<>();
        List<CommunityEvent> events = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T08:00:00Z").plus(Duration.ofDays(random.nextInt(300)));
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Events e = new Events(new UUID(random.nextLong(), random.nextLong()), start);
            communities.add(e);
            posted.add(new ArrayList<>());
            events.add(e.founded(pick(random)));
        }
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(count);
            Events e = communities.get(c);
            if (random.nextInt(10) == 0) {
                e.at(events.get(events.size() - 1).occurredAt().plus(Duration.ofHours(5 + random.nextInt(40))));
            }
            List<ContributionPosted> mine = posted.get(c);
            String actor = pick(random);
            int roll = random.nextInt(100);
            CommunityEvent event;
            if (mine.isEmpty() || roll < 20) {
                ContributionPosted p = e.posted(actor, ContributionKind.values()[random.nextInt(4)]);
                if (p.kind() == ContributionKind.ANSWER) {
                    p = e.posted(actor, ContributionKind.QUESTION);
                }
                mine.add(p);
                event = p;
            } else if (roll < 35) {
                List<ContributionPosted> questions = mine.stream()
                        .filter(p -> p.kind() == ContributionKind.QUESTION).toList();
                if (questions.isEmpty()) {
                    event = e.joined(actor, null);
                } else {
                    ContributionPosted answer = e.answer(actor, questions.get(random.nextInt(questions.size())));
                    mine.add(answer);
                    event = answer;
                }
            } else if (roll < 55) {
                event = e.viewed(actor, mine.get(random.nextInt(mine.size())));
            } else if (roll < 80) {
                event = e.reacted(actor, mine.get(random.nextInt(mine.size())),
                        ReactionKind.values()[random.nextInt(3)]);
            } else if (roll < 88) {
                List<ContributionPosted> answers = mine.stream()
                        .filter(p -> p.kind() == ContributionKind.ANSWER).toList();
                if (answers.isEmpty()) {
                    event = e.joined(actor, "purpose");
                } else {
                    ContributionPosted answer = answers.get(random.nextInt(answers.size()));
                    ContributionPosted question = mine.stream()
                            .filter(p -> p.contributionId().equals(answer.inReplyTo())).findFirst().orElseThrow();
                    event = e.accepted(question, answer);
                }
            } else if (roll < 94) {
                int links = random.nextInt(Math.min(3, mine.size()) + 1);
                ContributionPosted[] linked = new ContributionPosted[links];
                for (int l = 0; l < links; l++) {
                    linked[l] = mine.get(random.nextInt(mine.size()));
                }
                String value = (1 + random.nextInt(1000)) + "." + random.nextInt(100);
                event = e.outcome(actor, value, linked);
            } else if (withdrawals && roll < 97) {
                ContributionPosted target = mine.get(random.nextInt(mine.size()));
                int how = random.nextInt(3);
                event = how == 0 ? e.retracted(target) : how == 1 ? e.hidden(actor, target) : e.edited(target);
            } else if (roll < 97) {
                event = e.joined(actor, null);
            } else {
                event = e.left(actor);
            }
            events.add(event);
            if (random.nextInt(12) == 0) {
                events.add(event); // a redelivered event: must take effect once
            }
        }
        return events;
    }

    private static String pick(Random random) {
        return MEMBERS[random.nextInt(MEMBERS.length)];
    }
}
