package com.productivecommunity.analytics.figures;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.MemberFigures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the figures kept by the ledger store; nothing here sums the ledger. */
@Repository
class FiguresRepository {

    record Day(LocalDate day, CommunityFigures figures) {
    }

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

    boolean isMember(UUID communityId, String memberId) {
        return !jdbc.queryForList("SELECT 1 FROM community_member WHERE community_id = ? AND member_id = ?",
                Integer.class, communityId, memberId).isEmpty();
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

    List<Day> days(String model, UUID communityId) {
        return jdbc.query("SELECT day, contribution, benefit, organization_benefit, active_members,"
                        + " members_benefiting_more FROM community_day WHERE model = ? AND community_id = ? ORDER BY day",
                (rs, n) -> new Day(rs.getObject(1, LocalDate.class), new CommunityFigures(rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5), rs.getInt(6))),
                model, communityId);
    }

    List<Entry> ledger(String model, UUID communityId, String memberId) {
        return jdbc.query("SELECT event_id, event_type, occurred_at, community_id, signal, contribution, benefit,"
                        + " organization_benefit, reason, contribution_id FROM ledger_entry"
                        + " WHERE model = ? AND community_id = ? AND member_id = ? ORDER BY id",
                (rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getString(9), rs.getObject(10, UUID.class)),
                model, communityId, memberId);
    }
}
