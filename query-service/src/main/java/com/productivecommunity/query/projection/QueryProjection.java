package com.productivecommunity.query.projection;

import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.LeaderRemoved;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.MemberRemoved;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.Projection;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Communities, memberships, contributions with their counts, outcomes with the contributions they credit, who
 * reacted to what, and the members' notifications (answered, accepted, thanked, credited by an outcome).
 * A batch is written with few statements: rows in event order (consecutive statements of one kind go out as
 * one JDBC batch), then the batch's reaction and answer counts as one increment per contribution, accepted
 * answers, and member counts.
 * Redeliveries never reach {@link #apply}: the machinery drops them by aggregate sequence. Every row is written
 * idempotently all the same (a notification's id is derived from its event and recipient), so a replay after a
 * {@link #reset} that kept the notifications finds them in place.
 */
@Component
public class QueryProjection implements Projection {

    public static final String NAME = "query";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher publisher;

    public QueryProjection(JdbcTemplate jdbc, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(List<ProjectedEvent> events) {
        Batch batch = new Batch();
        Rows rows = new Rows(batch);
        for (ProjectedEvent projected : events) {
            rows.sequence = projected.sequence();
            projected.event().accept(rows);
        }
        batch.flush();
        batch.applyCounts();
        batch.applyAcceptedAnswers();
        batch.applyMemberCounts();
    }

    @Override
    public void reset() {
        // notification is kept: its read_at is the members' own state, and the replay re-derives every row by id.
        jdbc.execute("TRUNCATE community, community_member, contribution, outcome, outcome_contribution, reaction,"
                + " contribution_change");
    }

    /** The kinds of notification, as stored in {@code notification.kind}. */
    static final String ANSWERED = "ANSWERED";
    static final String ACCEPTED = "ACCEPTED";
    static final String THANKED = "THANKED";
    static final String CREDITED = "CREDITED";

    /** A notification's id: the same for the same event and recipient, whenever and however often it is applied. */
    public static UUID notificationId(UUID eventId, String recipientId) {
        return UUID.nameUUIDFromBytes(("notification|" + eventId + "|" + recipientId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void afterCommit(List<ProjectedEvent> events) {
        publisher.publishEvent(new EventsApplied(events));
    }

    /** What each event type does to the read model; a new type does not compile until it is decided here. */
    private static final class Rows implements CommunityEvent.Visitor<Void> {
        private final Batch batch;
        /** The aggregate sequence of the event being applied (orders a contribution's history). */
        long sequence;

        Rows(Batch batch) {
            this.batch = batch;
        }

        @Override
        public Void on(CommunityFounded e) {
            batch.add("INSERT INTO community (community_id, name, purpose, founded_at, open_to_external)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    e.communityId(), e.name(), e.purpose(), time(e.occurredAt()), e.openToExternal());
            batch.add("INSERT INTO community_member (community_id, member_id, purpose, leader, joined_at, segments)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    e.communityId(), e.actorId(), null, true, time(e.occurredAt()), array(e.founderSegments()));
            batch.membersChanged(e.communityId());
            return null;
        }

        @Override
        public Void on(CommunityPurposeStated e) {
            batch.add("UPDATE community SET purpose = ? WHERE community_id = ?", e.purpose(), e.communityId());
            return null;
        }

        @Override
        public Void on(MemberJoined e) {
            batch.add("INSERT INTO community_member (community_id, member_id, purpose, leader, joined_at, segments)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    e.communityId(), e.actorId(), e.purpose(), false, time(e.occurredAt()), array(e.segments()));
            batch.membersChanged(e.communityId());
            return null;
        }

        @Override
        public Void on(MemberLeft e) {
            batch.add("DELETE FROM community_member WHERE community_id = ? AND member_id = ?",
                    e.communityId(), e.actorId());
            batch.membersChanged(e.communityId());
            return null;
        }

        @Override
        public Void on(MemberPurposeStated e) {
            batch.add("UPDATE community_member SET purpose = ? WHERE community_id = ? AND member_id = ?",
                    e.purpose(), e.communityId(), e.actorId());
            return null;
        }

        @Override
        public Void on(ContributionPosted e) {
            batch.add("INSERT INTO contribution (contribution_id, community_id, author_id, kind, title, body,"
                    + " in_reply_to, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    e.contributionId(), e.communityId(), e.actorId(), e.kind().name(), e.title(), e.body(),
                    e.inReplyTo(), time(e.occurredAt()));
            if (e.kind() == ContributionKind.ANSWER && e.inReplyTo() != null) {
                batch.count(e.inReplyTo(), Batch.ANSWERS);
                batch.notification(e, e.inReplyToAuthorId(), ANSWERED, e.inReplyTo(), e.contributionId());
            }
            return null;
        }

        @Override
        public Void on(ReactionGiven e) {
            batch.add("INSERT INTO reaction (contribution_id, member_id, kind, community_id, author_id, given_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", e.contributionId(), e.actorId(),
                    e.kind().name(), e.communityId(), e.contributionAuthorId(), time(e.occurredAt()));
            if (e.kind() == ReactionKind.THANKS) {
                batch.notification(e, e.contributionAuthorId(), THANKED, e.contributionId(), null);
            }
            batch.count(e.contributionId(), switch (e.kind()) {
                case LIKE -> Batch.LIKES;
                case THANKS -> Batch.THANKS;
                case USEFUL -> Batch.USEFUL;
            });
            return null;
        }

        @Override
        public Void on(ContributionViewed e) {
            return null; // query-service shows no view counts
        }

        @Override
        public Void on(AnswerAccepted e) {
            batch.accepted.put(e.questionId(), e.answerId());
            batch.notification(e, e.answerAuthorId(), ACCEPTED, e.answerId(), e.questionId());
            return null;
        }

        @Override
        public Void on(OutcomeRecorded e) {
            batch.add("INSERT INTO outcome (outcome_id, community_id, recorded_by, description, value, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", e.outcomeId(), e.communityId(), e.actorId(),
                    e.description(), e.value(), time(e.occurredAt()));
            for (int i = 0; i < e.contributionIds().size(); i++) {
                batch.add("INSERT INTO outcome_contribution (outcome_id, contribution_id, position) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", e.outcomeId(), e.contributionIds().get(i), i);
            }
            for (String contributor : new LinkedHashSet<>(e.contributorIds())) {
                if (contributor != null && !contributor.equals(e.actorId())) {
                    // the contributor's first credited contribution, from the rows just written
                    batch.add("INSERT INTO notification (notification_id, event_id, recipient_id, kind, community_id,"
                            + " contribution_id, related_id, actor_id, created_at) SELECT ?, ?, ?, ?, ?,"
                            + " (SELECT oc.contribution_id FROM outcome_contribution oc JOIN contribution c"
                            + " ON c.contribution_id = oc.contribution_id WHERE oc.outcome_id = ? AND c.author_id = ?"
                            + " ORDER BY oc.position LIMIT 1), ?, ?, ? ON CONFLICT DO NOTHING",
                            notificationId(e.eventId(), contributor), e.eventId(), contributor, CREDITED,
                            e.communityId(), e.outcomeId(), contributor, e.outcomeId(), e.actorId(),
                            time(e.occurredAt()));
                }
            }
            return null;
        }

        @Override
        public Void on(LeaderNamed e) {
            batch.add("UPDATE community_member SET leader = true WHERE community_id = ? AND member_id = ?",
                    e.communityId(), e.memberId());
            return null;
        }

        @Override
        public Void on(LeaderRemoved e) {
            batch.add("UPDATE community_member SET leader = false WHERE community_id = ? AND member_id = ?",
                    e.communityId(), e.memberId());
            return null;
        }

        @Override
        public Void on(MemberRemoved e) {
            batch.add("DELETE FROM community_member WHERE community_id = ? AND member_id = ?",
                    e.communityId(), e.memberId());
            batch.membersChanged(e.communityId());
            return null;
        }

        /** The new texts replace the old (the search column follows); the old stay in contribution_change. */
        @Override
        public Void on(ContributionEdited e) {
            change(e.contributionId(), "EDITED", e.actorId(), e.occurredAt(), e.title(), e.body(), null);
            batch.add("UPDATE contribution SET title = ?, body = ?, edited_at = ? WHERE contribution_id = ?",
                    e.title(), e.body(), time(e.occurredAt()), e.contributionId());
            return null;
        }

        /** Gone from feeds and search; the thread shows a placeholder; the counts stay as they were. */
        @Override
        public Void on(ContributionRetracted e) {
            change(e.contributionId(), "RETRACTED", e.actorId(), e.occurredAt(), null, null, null);
            batch.add("UPDATE contribution SET state = ?, hidden_reason = ? WHERE contribution_id = ?",
                    "RETRACTED", null, e.contributionId());
            return null;
        }

        @Override
        public Void on(ContributionHidden e) {
            change(e.contributionId(), "HIDDEN", e.actorId(), e.occurredAt(), null, null, e.reason());
            batch.add("UPDATE contribution SET state = ?, hidden_reason = ? WHERE contribution_id = ?",
                    "HIDDEN", e.reason(), e.contributionId());
            return null;
        }

        /** A history row; the contribution's first change also copies its text as posted (sequence 0). */
        private void change(UUID contributionId, String change, String actorId, Instant at, String title,
                            String body, String reason) {
            batch.add("INSERT INTO contribution_change (contribution_id, sequence, change, actor_id, changed_at, title,"
                    + " body, reason) SELECT contribution_id, 0, 'POSTED', author_id, posted_at, title, body, NULL"
                    + " FROM contribution WHERE contribution_id = ? ON CONFLICT DO NOTHING", contributionId);
            batch.add("INSERT INTO contribution_change (contribution_id, sequence, change, actor_id, changed_at, title,"
                    + " body, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", contributionId, sequence,
                    change, actorId, time(at), title, body, reason);
        }

        @Override
        public Void on(MemberSegmentsChanged e) {
            batch.add("UPDATE community_member SET segments = ? WHERE community_id = ? AND member_id = ?",
                    array(e.segments()), e.communityId(), e.actorId());
            return null;
        }
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private final class Batch {
        private String sql;
        private List<Object[]> rows = new ArrayList<>();
        /** The columns of a contribution's counts, in the order of the UPDATE in {@link #applyCounts}. */
        static final int LIKES = 0;
        static final int THANKS = 1;
        static final int USEFUL = 2;
        static final int ANSWERS = 3;

        /** Per contribution: likes, thanks, useful, answers. */
        private final Map<UUID, int[]> counts = new LinkedHashMap<>();
        private final Map<UUID, UUID> accepted = new LinkedHashMap<>();
        private final Set<UUID> communities = new LinkedHashSet<>();

        void add(String statement, Object... args) {
            if (!statement.equals(sql)) {
                flush();
                sql = statement;
            }
            rows.add(args);
        }

        /** A notification for {@code recipient}, unless there is none or they caused it themselves. */
        void notification(CommunityEvent e, String recipient, String kind, UUID contribution, UUID related) {
            if (recipient == null || recipient.equals(e.actorId())) {
                return;
            }
            add("INSERT INTO notification (notification_id, event_id, recipient_id, kind, community_id,"
                    + " contribution_id, related_id, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", notificationId(e.eventId(), recipient), e.eventId(), recipient, kind,
                    e.communityId(), contribution, related, e.actorId(), time(e.occurredAt()));
        }

        void flush() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
                rows = new ArrayList<>();
            }
        }

        void count(UUID contributionId, int column) {
            counts.computeIfAbsent(contributionId, id -> new int[4])[column]++;
        }

        void membersChanged(UUID communityId) {
            communities.add(communityId);
        }

        void applyCounts() {
            if (counts.isEmpty()) {
                return;
            }
            int size = counts.size();
            UUID[] ids = new UUID[size];
            Integer[][] columns = new Integer[4][size];
            int i = 0;
            for (Map.Entry<UUID, int[]> count : counts.entrySet()) {
                ids[i] = count.getKey();
                for (int column = 0; column < 4; column++) {
                    columns[column][i] = count.getValue()[column];
                }
                i++;
            }
            // One statement for all of the batch's counts: one increment per contribution.
            jdbc.update(con -> {
                var statement = con.prepareStatement("UPDATE contribution c SET like_count = c.like_count + d.l,"
                        + " thanks_count = c.thanks_count + d.t, useful_count = c.useful_count + d.u,"
                        + " answer_count = c.answer_count + d.a"
                        + " FROM unnest(?::uuid[], ?::int[], ?::int[], ?::int[], ?::int[]) AS d(id, l, t, u, a)"
                        + " WHERE c.contribution_id = d.id");
                statement.setArray(1, con.createArrayOf("uuid", ids));
                for (int column = 0; column < 4; column++) {
                    statement.setArray(column + 2, con.createArrayOf("integer", columns[column]));
                }
                return statement;
            });
        }

        void applyAcceptedAnswers() {
            if (accepted.isEmpty()) {
                return;
            }
            List<Object[]> updates = new ArrayList<>(accepted.size());
            accepted.forEach((question, answer) -> updates.add(new Object[] {answer, question}));
            jdbc.batchUpdate("UPDATE contribution SET accepted_answer_id = ? WHERE contribution_id = ?", updates);
        }

        void applyMemberCounts() {
            if (communities.isEmpty()) {
                return;
            }
            jdbc.update(con -> {
                var statement = con.prepareStatement("UPDATE community c SET member_count ="
                        + " (SELECT count(*) FROM community_member m WHERE m.community_id = c.community_id)"
                        + " WHERE c.community_id = ANY (?)");
                Array ids = con.createArrayOf("uuid", communities.toArray());
                statement.setArray(1, ids);
                return statement;
            });
        }
    }
}
