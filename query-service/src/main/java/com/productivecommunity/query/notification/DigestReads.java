package com.productivecommunity.query.notification;

import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A member's weekly digest from query-service's own tables: contributions, reactions (the {@code reaction} rows),
 * accepted answers (the ACCEPTED notifications), outcomes and memberships. Weeks run Monday 00:00 to Monday 00:00 UTC.
 */
@Component
class DigestReads {

    private final NamedParameterJdbcTemplate jdbc;

    DigestReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The Monday of the week holding {@code day}. */
    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * A digest's recipient; {@code external}: a partner or customer as their recorded segments say (the job has no
     * request, so no directory answer: every non-empty record of theirs names only partner or customer).
     */
    record Recipient(String memberId, boolean external) {
    }

    /** Every member who belongs to a community now: the digest job's recipients. */
    List<Recipient> members() {
        return jdbc.getJdbcTemplate().query("SELECT member_id, coalesce(bool_and(segments <@ ARRAY['partner',"
                + " 'customer']::text[]) FILTER (WHERE cardinality(segments) > 0), false) FROM community_member"
                + " GROUP BY member_id ORDER BY member_id", (rs, row) -> new Recipient(rs.getString(1), rs.getBoolean(2)));
    }

    /**
     * The member's digest of the week holding {@code day}; {@code external}: a partner or customer, whose digest
     * tells only of communities opened to them.
     */
    Digest digest(String member, boolean external, LocalDate day) {
        LocalDate start = weekOf(day);
        MapSqlParameterSource p = new MapSqlParameterSource("me", member).addValue("external", external)
                .addValue("from", start.atStartOfDay().atOffset(ZoneOffset.UTC))
                .addValue("to", start.plusWeeks(1).atStartOfDay().atOffset(ZoneOffset.UTC));

        // Retracted and hidden contributions (issue 17) are left out, as from the feeds, and a withdrawn question's
        // title is not shown.
        List<Digest.Posted> posted = jdbc.query("SELECT c.contribution_id, c.community_id, cm.name, c.kind, c.title,"
                + " CASE WHEN q.state = 'VISIBLE' THEN q.title END, c.posted_at FROM contribution c"
                + " LEFT JOIN community cm ON cm.community_id = c.community_id"
                + " LEFT JOIN contribution q ON q.contribution_id = c.in_reply_to"
                + " WHERE c.author_id = :me AND c.state = 'VISIBLE' AND c.posted_at >= :from AND c.posted_at < :to"
                + " AND " + CommunityReads.readable("c.community_id")
                + " ORDER BY c.posted_at, c.contribution_id", p, (rs, row) -> new Digest.Posted(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        ContributionKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), instant(rs, 7)));
        Map<ContributionKind, Integer> byKind = new EnumMap<>(ContributionKind.class);
        for (ContributionKind kind : ContributionKind.values()) {
            byKind.put(kind, 0);
        }
        posted.forEach(c -> byKind.merge(c.kind(), 1, Integer::sum));

        String readableContribution = " AND " + CommunityReads.readable("community_id");
        Map<ReactionKind, Integer> given = reactions("SELECT kind, count(*) FROM reaction WHERE member_id = :me"
                + " AND given_at >= :from AND given_at < :to" + readableContribution + " GROUP BY kind", p);
        Map<ReactionKind, Integer> received = reactions("SELECT kind, count(*) FROM reaction WHERE author_id = :me"
                + " AND member_id <> :me AND given_at >= :from AND given_at < :to" + readableContribution
                + " GROUP BY kind", p);

        List<Digest.AnswerReceived> answers = jdbc.query("SELECT a.contribution_id, q.contribution_id,"
                + " CASE WHEN q.state = 'VISIBLE' THEN q.title END, a.author_id, cm.name, a.posted_at FROM contribution q"
                + " JOIN contribution a ON a.in_reply_to = q.contribution_id"
                + " LEFT JOIN community cm ON cm.community_id = a.community_id"
                + " WHERE q.author_id = :me AND a.author_id <> :me AND a.state = 'VISIBLE'"
                + " AND " + CommunityReads.readable("a.community_id")
                + " AND a.posted_at >= :from AND a.posted_at < :to"
                + " ORDER BY a.posted_at, a.contribution_id", p, (rs, row) -> new Digest.AnswerReceived(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6)));

        List<Digest.AnswerAccepted> accepted = jdbc.query("SELECT n.contribution_id, n.related_id,"
                + " CASE WHEN q.state = 'VISIBLE' THEN q.title END,"
                + " n.actor_id, n.created_at FROM notification n LEFT JOIN contribution q ON q.contribution_id = n.related_id"
                + " WHERE n.recipient_id = :me AND n.kind = 'ACCEPTED' AND n.created_at >= :from AND n.created_at < :to"
                + " AND " + CommunityReads.readable("n.community_id")
                + " ORDER BY n.created_at, n.notification_id", p, (rs, row) -> new Digest.AnswerAccepted(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        instant(rs, 5)));

        List<Digest.OutcomeLine> credits = jdbc.query("SELECT o.outcome_id, o.community_id, cm.name, o.description,"
                + " o.value, o.recorded_by, o.recorded_at FROM outcome o"
                + " LEFT JOIN community cm ON cm.community_id = o.community_id"
                + " WHERE o.recorded_at >= :from AND o.recorded_at < :to AND " + CommunityReads.readable("o.community_id")
                + " AND EXISTS (SELECT 1 FROM outcome_contribution oc"
                + " JOIN contribution c ON c.contribution_id = oc.contribution_id"
                + " WHERE oc.outcome_id = o.outcome_id AND c.author_id = :me)"
                + " ORDER BY o.recorded_at, o.outcome_id", p, (rs, row) -> outcome(rs));

        Map<UUID, CommunityWeekBuilder> communities = new LinkedHashMap<>();
        jdbc.query("SELECT cm.community_id, cm.name, (SELECT count(*) FROM contribution c"
                + " WHERE c.community_id = cm.community_id AND c.state = 'VISIBLE' AND c.posted_at >= :from"
                + " AND c.posted_at < :to)"
                + " FROM community_member m JOIN community cm ON cm.community_id = m.community_id"
                + " WHERE m.member_id = :me AND " + CommunityReads.readable("m.community_id")
                + " ORDER BY cm.name, cm.community_id", p, rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    communities.put(id, new CommunityWeekBuilder(id, rs.getString(2), rs.getInt(3)));
                });
        if (!communities.isEmpty()) {
            p.addValue("communities", communities.keySet());
            jdbc.query("SELECT o.outcome_id, o.community_id, cm.name, o.description, o.value, o.recorded_by,"
                    + " o.recorded_at FROM outcome o JOIN community cm ON cm.community_id = o.community_id"
                    + " WHERE o.community_id IN (:communities) AND o.recorded_at >= :from AND o.recorded_at < :to"
                    + " ORDER BY o.recorded_at, o.outcome_id", p, rs -> {
                        Digest.OutcomeLine line = outcome(rs);
                        communities.get(line.communityId()).outcomes.add(line);
                    });
            jdbc.query("SELECT community_id, member_id FROM community_member WHERE community_id IN (:communities)"
                    + " AND member_id <> :me AND joined_at >= :from AND joined_at < :to ORDER BY joined_at, member_id",
                    p, rs -> {
                        communities.get(rs.getObject(1, UUID.class)).newMembers.add(rs.getString(2));
                    });
        }
        return new Digest(member, start, start.plusDays(6),
                new Digest.Gave(posted, byKind, given),
                new Digest.Got(received, answers, accepted, credits),
                communities.values().stream().map(CommunityWeekBuilder::build).toList());
    }

    private Map<ReactionKind, Integer> reactions(String sql, MapSqlParameterSource p) {
        Map<ReactionKind, Integer> counts = new EnumMap<>(ReactionKind.class);
        for (ReactionKind kind : ReactionKind.values()) {
            counts.put(kind, 0);
        }
        jdbc.query(sql, p, rs -> {
            counts.put(ReactionKind.valueOf(rs.getString(1)), rs.getInt(2));
        });
        return counts;
    }

    private static Digest.OutcomeLine outcome(ResultSet rs) throws SQLException {
        return new Digest.OutcomeLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getBigDecimal(5), rs.getString(6), instant(rs, 7));
    }

    private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static final class CommunityWeekBuilder {
        final UUID id;
        final String name;
        final int contributions;
        final List<Digest.OutcomeLine> outcomes = new ArrayList<>();
        final List<String> newMembers = new ArrayList<>();

        CommunityWeekBuilder(UUID id, String name, int contributions) {
            this.id = id;
            this.name = name;
            this.contributions = contributions;
        }

        Digest.CommunityWeek build() {
            return new Digest.CommunityWeek(id, name, contributions, List.copyOf(outcomes), List.copyOf(newMembers));
        }
    }
}
