package com.productivecommunity.query.outcome;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.query.feed.Cursor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A community's outcomes, keyset-paginated on (recorded_at, outcome_id) descending; two statements a page. */
@Component
class OutcomeReads {

    private final NamedParameterJdbcTemplate jdbc;

    OutcomeReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    OutcomePage ofCommunity(UUID communityId, Cursor before, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("community", communityId).addValue("fetch", limit + 1);
        if (before != null) {
            params.addValue("beforeAt", OffsetDateTime.ofInstant(before.at(), ZoneOffset.UTC))
                    .addValue("beforeId", before.id());
        }
        Map<UUID, Outcome> page = new LinkedHashMap<>();
        jdbc.query("SELECT outcome_id, community_id, recorded_by, description, value, recorded_at FROM outcome"
                + " WHERE community_id = :community"
                + (before == null ? "" : " AND (recorded_at, outcome_id) < (:beforeAt, :beforeId)")
                + " ORDER BY recorded_at DESC, outcome_id DESC LIMIT :fetch", params, rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    page.put(id, new Outcome(id, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getObject(6, OffsetDateTime.class).toInstant(), new ArrayList<>()));
                });
        List<Outcome> items = new ArrayList<>(page.values());
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            Outcome last = items.get(limit - 1);
            next = new Cursor(last.recordedAt(), last.outcomeId()).encode();
        }
        if (!items.isEmpty()) {
            // A credited contribution not (yet) in the read model is listed by id with nothing else known.
            jdbc.query("SELECT oc.outcome_id, oc.contribution_id, c.kind,"
                    + " CASE WHEN c.state = 'VISIBLE' THEN c.title END, c.author_id,"
                    + " CASE WHEN q.state = 'VISIBLE' THEN q.title END"
                    + " FROM outcome_contribution oc LEFT JOIN contribution c ON c.contribution_id = oc.contribution_id"
                    + " LEFT JOIN contribution q ON q.contribution_id = c.in_reply_to"
                    + " WHERE oc.outcome_id IN (:ids) ORDER BY oc.outcome_id, oc.position",
                    Map.of("ids", items.stream().map(Outcome::outcomeId).toList()), rs -> {
                        String kind = rs.getString(3);
                        page.get(rs.getObject(1, UUID.class)).contributions().add(new Outcome.Credited(
                                rs.getObject(2, UUID.class), kind == null ? null : ContributionKind.valueOf(kind),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    });
        }
        return new OutcomePage(List.copyOf(items), next);
    }
}
