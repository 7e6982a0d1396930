package com.productivecommunity.analytics.figures;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.MemberFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import com.productivecommunity.support.web.InvalidInputException;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the figures kept by the ledger store, and sums the ledger for figures as of an instant and timelines. */
@Repository
class FiguresRepository {

    record Entry(UUID eventId, String eventType, Instant occurredAt, UUID communityId, String signal,
                 BigDecimal contribution, BigDecimal benefit, BigDecimal organizationBenefit, String reason,
                 UUID contributionId) {
    }

    private final JdbcTemplate jdbc;

    FiguresRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean communityExists(UUID communityId) {
        return !jdbc.queryForList("SELECT 1 FROM community WHERE community_id = ?", Integer.class, communityId)
                .isEmpty();
    }

    /**
     * Whether {@code memberId} belongs to the community and may read it: a partner or customer ({@code external})
     * only where the community is opened to them.
     */
    boolean isMember(UUID communityId, String memberId, boolean external) {
        return !jdbc.queryForList("SELECT 1 FROM community_member m JOIN community c ON c.community_id = m.community_id"
                + " WHERE m.community_id = ? AND m.member_id = ? AND (NOT ? OR c.open_to_external)",
                Integer.class, communityId, memberId, external).isEmpty();
    }

    MemberFigures member(String model, UUID communityId, String memberId) {
        return jdbc.query("SELECT contribution, benefit FROM member_figures"
                        + " WHERE model = ? AND community_id = ? AND member_id = ?",
                (rs, n) -> new MemberFigures(rs.getBigDecimal(1), rs.getBigDecimal(2)), model, communityId, memberId)
                .stream().findFirst().orElse(MemberFigures.ZERO);
    }

    CommunityFigures community(String model, UUID communityId) {
        return jdbc.query("SELECT contribution, benefit, organization_benefit, active_members, members_benefiting_more"
                        + " FROM community_figures WHERE model = ? AND community_id = ?",
                (rs, n) -> new CommunityFigures(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getInt(4), rs.getInt(5)), model, communityId)
                .stream().findFirst().orElse(CommunityFigures.ZERO);
    }

    /** The entries up to {@code asOf} (inclusive), in the order they were applied. */
    List<Entry> ledger(String model, UUID communityId, String memberId, Instant asOf) {
        return jdbc.query("SELECT event_id, event_type, occurred_at, community_id, signal, contribution, benefit,"
                        + " organization_benefit, reason, contribution_id FROM ledger_entry"
                        + " WHERE model = ? AND community_id = ? AND member_id = ? AND occurred_at <= ? ORDER BY id",
                (rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getString(9), rs.getObject(10, UUID.class)),
                model, communityId, memberId, ts(asOf));
    }

    /** A member's figures as they stood at {@code asOf}: the sum of their ledger entries up to then. */
    MemberFigures memberAsOf(String model, UUID communityId, String memberId, Instant asOf) {
        return jdbc.queryForObject("SELECT coalesce(sum(contribution), 0), coalesce(sum(benefit), 0) FROM ledger_entry"
                        + " WHERE model = ? AND community_id = ? AND member_id = ? AND occurred_at <= ?",
                (rs, n) -> new MemberFigures(rs.getBigDecimal(1), rs.getBigDecimal(2)), model, communityId, memberId,
                ts(asOf));
    }

    /** A community's figures as they stood at {@code asOf}, from the ledger. */
    CommunityFigures communityAsOf(String model, UUID communityId, Instant asOf) {
        List<Point> points = timeline(model, communityId, "day", asOf, true);
        return points.isEmpty() ? CommunityFigures.ZERO : points.get(points.size() - 1).figures();
    }

    record Point(Instant start, CommunityFigures figures) {
    }

    /** About 27 years of days: more points than any chart shows. */
    static final int MAX_POINTS = 10_000;

    /**
     * The community's cumulative figures at the end of every bucket ({@code day}, {@code week} from Monday,
     * {@code month}; UTC) from the one of its first ledger entry to the one holding {@code asOf}, empty buckets
     * included (they carry the totals forward). {@code lastOnly}: just the figures at {@code asOf}.
     */
    List<Point> timeline(String model, UUID communityId, String bucket, Instant asOf, boolean lastOnly) {
        Map<String, MemberFigures> members = new HashMap<>();
        List<Point> points = new ArrayList<>();
        CommunityFigures[] figures = {CommunityFigures.ZERO};
        LocalDateTime[] current = {null};
        String sql = lastOnly
                ? "SELECT member_id, sum(contribution), sum(benefit), sum(organization_benefit) FROM ledger_entry"
                        + " WHERE model = ? AND community_id = ? AND occurred_at <= ? GROUP BY member_id"
                : "SELECT date_trunc('" + bucket + "', occurred_at AT TIME ZONE 'UTC') AS b, member_id,"
                        + " sum(contribution), sum(benefit), sum(organization_benefit) FROM ledger_entry"
                        + " WHERE model = ? AND community_id = ? AND occurred_at <= ? GROUP BY b, member_id ORDER BY b";
        int c = lastOnly ? 1 : 2;
        jdbc.query(sql,
                (ResultSet rs) -> {
                    LocalDateTime start = lastOnly ? null : rs.getObject(1, LocalDateTime.class);

                    if (!lastOnly) {
                        if (current[0] == null) {
                            current[0] = start;
                        }
                        while (current[0].isBefore(start)) {
                            if (points.size() >= MAX_POINTS) {
                                throw new InvalidInputException("bucket", "The timeline would have more than "
                                        + MAX_POINTS + " " + bucket + "s; use a longer bucket (week, month)");
                            }
                            points.add(new Point(current[0].toInstant(ZoneOffset.UTC), figures[0]));
                            current[0] = next(current[0], bucket);
                        }
                    }
                    String member = rs.getString(c);
                    MemberFigures before = members.getOrDefault(member, MemberFigures.ZERO);
                    MemberFigures after = before.plus(rs.getBigDecimal(c + 1), rs.getBigDecimal(c + 2));
                    members.put(member, after);
                    figures[0] = figures[0].withMemberChange(before, after)
                            .withOrganizationBenefit(rs.getBigDecimal(c + 3));
                }, model, communityId, ts(asOf));
        if (lastOnly) {
            return List.of(new Point(asOf, figures[0]));
        }
        if (current[0] != null) {
            LocalDateTime end = bucketOf(asOf, bucket);
            LocalDateTime last = current[0].isAfter(end) ? current[0] : end; // an event stamped ahead of the clock
            while (!current[0].isAfter(last)) {
                if (points.size() >= MAX_POINTS) {
                    throw new InvalidInputException("bucket", "The timeline would have more than " + MAX_POINTS
                            + " " + bucket + "s; use a longer bucket (week, month)");
                }
                points.add(new Point(current[0].toInstant(ZoneOffset.UTC), figures[0]));
                current[0] = next(current[0], bucket);
            }
        }
        return points;
    }

    static LocalDateTime bucketOf(Instant instant, String bucket) {
        LocalDate day = instant.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (bucket) {
            case "day" -> day.atStartOfDay();
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "month" -> day.withDayOfMonth(1).atStartOfDay();
            default -> throw new IllegalArgumentException(bucket);
        };
    }

    private static LocalDateTime next(LocalDateTime start, String bucket) {
        return switch (bucket) {
            case "day" -> start.plusDays(1);
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            default -> throw new IllegalArgumentException(bucket);
        };
    }

    record MemberRow(String model, UUID communityId, String memberId, MemberFigures figures) {
    }

    /** Every member's figures under the models, in one community or all; from the ledger when {@code asOf} is set. */
    List<MemberRow> memberRows(List<String> models, UUID communityId, Instant asOf) {
        String where = "model = ANY (?)" + (communityId == null ? "" : " AND community_id = ?");
        List<Object> args = new ArrayList<>();
        String sql;
        if (asOf == null) {
            sql = "SELECT model, community_id, member_id, contribution, benefit FROM member_figures WHERE " + where;
        } else {
            sql = "SELECT model, community_id, member_id, sum(contribution), sum(benefit) FROM ledger_entry WHERE "
                    + where + " AND occurred_at <= ? GROUP BY model, community_id, member_id";
        }
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("text", models.toArray()));
            int i = 2;
            if (communityId != null) {
                statement.setObject(i++, communityId);
            }
            if (asOf != null) {
                statement.setObject(i, ts(asOf));
            }
            return statement;
        }, (rs, n) -> new MemberRow(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                new MemberFigures(rs.getBigDecimal(4), rs.getBigDecimal(5))));
    }

    record CommunityRow(String model, UUID communityId, BigDecimal organizationBenefit) {
    }

    /** Every community's organization benefit under the models (0 where none), in one community or all. */
    List<CommunityRow> organizationBenefits(List<String> models, UUID communityId, Instant asOf) {
        String sql = "SELECT m.model, c.community_id, coalesce((SELECT sum(l.organization_benefit) FROM ledger_entry l"
                + " WHERE l.model = m.model AND l.community_id = c.community_id AND l.organization_benefit <> 0"
                + " AND l.occurred_at <= ?), 0) FROM community c CROSS JOIN unnest(?::text[]) AS m(model)"
                + (communityId == null ? "" : " WHERE c.community_id = ?");
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setObject(1, ts(asOf == null ? Instant.parse("9999-12-31T23:59:59Z") : asOf));
            statement.setArray(2, connection.createArrayOf("text", models.toArray()));
            if (communityId != null) {
                statement.setObject(3, communityId);
            }
            return statement;
        }, (rs, n) -> new CommunityRow(rs.getString(1), rs.getObject(2, UUID.class), rs.getBigDecimal(3)));
    }

    record SegmentsRow(UUID communityId, String memberId, Instant recordedAt, List<String> segments) {
    }

    /**
     * Each member's segments as last recorded at or before {@code asOf} (default: now), in one community or all;
     * a record of no segments (the directory said nothing) counts only where no other was made, and the later of
     * two records at the same instant wins.
     */
    List<SegmentsRow> memberSegments(UUID communityId, Instant asOf) {
        String sql = "SELECT DISTINCT ON (community_id, member_id) community_id, member_id, recorded_at, segments"
                + " FROM member_segments WHERE recorded_at <= ?" + (communityId == null ? "" : " AND community_id = ?")
                + " ORDER BY community_id, member_id, cardinality(segments) > 0 DESC, recorded_at DESC, seq DESC";
        Object[] args = communityId == null ? new Object[] {ts(asOf)} : new Object[] {ts(asOf), communityId};
        return jdbc.query(sql, (rs, n) -> new SegmentsRow(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(), List.of((String[]) rs.getArray(4).getArray())),
                args);
    }

    Map<UUID, String> communityNames(UUID communityId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT community_id, name FROM community" + (communityId == null ? "" : " WHERE community_id = ?")
                + " ORDER BY name", (ResultSet rs) -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, communityId == null ? new Object[0] : new Object[] {communityId});
        return names;
    }

    private static OffsetDateTime ts(Instant instant) {
        return (instant == null ? Instant.parse("9999-12-31T23:59:59Z") : instant).atOffset(ZoneOffset.UTC);
    }
}
