package com.productivecommunity.analytics.ledger;

import static com.productivecommunity.analytics.ledger.Sql.firsts;
import static com.productivecommunity.analytics.ledger.Sql.seconds;
import static com.productivecommunity.analytics.ledger.Sql.texts;
import static com.productivecommunity.analytics.ledger.Sql.timestamp;
import static com.productivecommunity.analytics.ledger.Sql.uuids;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.LedgerEntry;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.engine.Tally;
import com.productivecommunity.events.CommunityEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The figures of a lane's models in PostgreSQL: the ledger ({@code ledger_entry}), the running figures
 * ({@code member_figures}, {@code community_figures}) and the timeline's days ({@code community_day}). A batch
 * loads the figures it touches into a {@link Tally} and saves its ledger entries and the figures that changed.
 */
final class FiguresStore {

    private static final String[] TABLES = {"ledger_entry", "member_figures", "community_figures", "community_day"};

    private final Sql sql;
    private final List<String> models;

    FiguresStore(Sql sql, List<String> models) {
        this.sql = sql;
        this.models = models;
    }

    /** The figures of the batch's communities and of the members its entries name. */
    Tally load(List<CommunityEvent> events, List<List<LedgerEntry>> entries) {
        Set<UUID> communities = new HashSet<>();
        events.forEach(e -> communities.add(e.communityId()));
        Set<List<Object>> members = new HashSet<>();
        entries.forEach(list -> list.forEach(e -> members.add(List.of(e.communityId(), e.memberId()))));
        Tally tally = new Tally();
        sql.query("SELECT f.model, f.community_id, f.contribution, f.benefit, f.organization_benefit, f.active_members,"
                + " f.members_benefiting_more, f.last_day FROM unnest(?::uuid[]) AS k(id)"
                + " JOIN community_figures f ON f.community_id = k.id WHERE f.model = ANY (?)",
                rs -> tally.loadCommunity(new Tally.CommunityKey(rs.getString(1), rs.getObject(2, UUID.class)),
                        new CommunityFigures(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                                rs.getInt(6), rs.getInt(7)),
                        rs.getObject(8, LocalDate.class)),
                uuids(communities), texts(models));
        if (!members.isEmpty()) {
            sql.query("SELECT f.model, f.community_id, f.member_id, f.contribution, f.benefit"
                    + " FROM unnest(?::uuid[], ?::text[]) AS k(community_id, member_id) JOIN member_figures f"
                    + " ON f.community_id = k.community_id AND f.member_id = k.member_id WHERE f.model = ANY (?)",
                    rs -> tally.loadMember(new Tally.MemberKey(rs.getString(1), rs.getObject(2, UUID.class),
                            rs.getString(3)), new MemberFigures(rs.getBigDecimal(4), rs.getBigDecimal(5))),
                    uuids(firsts(members)), texts(seconds(members)), texts(models));
        }
        return tally;
    }

    void save(List<List<LedgerEntry>> entries, Tally tally) {
        writeLedger(entries);
        writeFigures(tally);
    }

    void reset() {
        for (String table : TABLES) {
            for (String model : models) {
                sql.jdbc().update("DELETE FROM " + table + " WHERE model = ?", model);
            }
        }
    }

    private void writeLedger(List<List<LedgerEntry>> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (List<LedgerEntry> list : entries) {
            for (LedgerEntry e : list) {
                rows.add(new Object[] {e.model(), e.eventId(), e.eventType(), timestamp(e.occurredAt()),
                    e.communityId(), e.memberId(), e.signal().name(), e.contribution(), e.benefit(),
                    e.organizationBenefit(), e.reason(), e.contributionId()});
            }
        }
        // The unique key is the last line of defence: applied_event and the rule state already made redeliveries award nothing.
        sql.jdbc().batchUpdate("INSERT INTO ledger_entry (model, event_id, event_type, occurred_at, community_id, member_id,"
                + " signal, contribution, benefit, organization_benefit, reason, contribution_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT ledger_entry_once DO NOTHING",
                rows);
    }

    private void writeFigures(Tally tally) {
        sql.jdbc().batchUpdate("INSERT INTO member_figures (model, community_id, member_id, contribution, benefit)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (model, community_id, member_id)"
                + " DO UPDATE SET contribution = EXCLUDED.contribution, benefit = EXCLUDED.benefit",
                tally.changedMembers().stream().map(k -> {
                    MemberFigures f = tally.member(k);
                    return new Object[] {k.model(), k.communityId(), k.memberId(), f.contribution(), f.benefit()};
                }).toList());
        sql.jdbc().batchUpdate("INSERT INTO community_figures (model, community_id, contribution, benefit,"
                + " organization_benefit, active_members, members_benefiting_more, last_day)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (model, community_id) DO UPDATE SET"
                + " contribution = EXCLUDED.contribution, benefit = EXCLUDED.benefit,"
                + " organization_benefit = EXCLUDED.organization_benefit, active_members = EXCLUDED.active_members,"
                + " members_benefiting_more = EXCLUDED.members_benefiting_more, last_day = EXCLUDED.last_day",
                tally.changedCommunities().stream().map(k -> {
                    CommunityFigures f = tally.community(k);
                    return new Object[] {k.model(), k.communityId(), f.contribution(), f.benefit(),
                        f.organizationBenefit(), f.activeMembers(), f.membersBenefitingMore(), tally.lastDay(k)};
                }).toList());
        sql.jdbc().batchUpdate("INSERT INTO community_day (model, community_id, day, contribution, benefit,"
                + " organization_benefit, active_members, members_benefiting_more) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (model, community_id, day) DO UPDATE SET contribution = EXCLUDED.contribution,"
                + " benefit = EXCLUDED.benefit, organization_benefit = EXCLUDED.organization_benefit,"
                + " active_members = EXCLUDED.active_members,"
                + " members_benefiting_more = EXCLUDED.members_benefiting_more",
                tally.days().entrySet().stream().map(d -> {
                    CommunityFigures f = d.getValue();
                    Tally.DayKey k = d.getKey();
                    return new Object[] {k.model(), k.communityId(), k.day(), f.contribution(), f.benefit(),
                        f.organizationBenefit(), f.activeMembers(), f.membersBenefitingMore()};
                }).toList());
    }
}
