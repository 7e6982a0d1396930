package com.productivecommunity.query.feed;

import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Feed and thread reads. Pages are keyset-paginated on (posted_at, contribution_id) descending, so items
 * inserted between two page reads never shift or repeat items of later pages.
 */
@Component
public class FeedReads {

    /**
     * A feed item's columns over a contribution {@code c}: with an answer's question title and the number of
     * outcomes crediting it, each one index lookup (contribution's primary key, outcome_contribution's index).
     */
    static final String COLUMNS = "c.contribution_id, c.community_id, c.author_id, c.kind, c.title, c.body,"
            + " c.in_reply_to, c.posted_at, c.like_count, c.thanks_count, c.useful_count, c.answer_count,"
            + " c.edited_at, c.state, c.hidden_reason,"
            + " (SELECT q.title FROM contribution q WHERE q.contribution_id = c.in_reply_to AND q.state = 'VISIBLE')"
            + " AS question_title,"
            + " (SELECT count(*) FROM outcome_contribution oc WHERE oc.contribution_id = c.contribution_id)"
            + " AS outcome_count";

    static final RowMapper<FeedItem> ITEM = FeedReads::item;

    private final NamedParameterJdbcTemplate jdbc;

    public FeedReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public FeedPage communityFeed(UUID communityId, Cursor before, int limit) {
        MapSqlParameterSource params = params(before, limit).addValue("community", communityId);
        List<FeedItem> items = jdbc.query("SELECT " + COLUMNS + " FROM contribution c WHERE c.community_id = :community"
                + " AND c.state = 'VISIBLE'"
                + (before == null ? "" : " AND (c.posted_at, c.contribution_id) < (:beforeAt, :beforeId)")
                + " ORDER BY c.posted_at DESC, c.contribution_id DESC LIMIT :fetch", params, ITEM);
        return page(items, limit);
    }

    /**
     * Contributions of every community {@code memberId} belongs to now and may read ({@code external}: a partner
     * or customer, who reads only communities opened to them), newest first.
     */
    public FeedPage homeFeed(String memberId, boolean external, Cursor before, int limit) {
        MapSqlParameterSource params = params(before, limit).addValue("member", memberId).addValue("external", external);
        // Per community at most one page through the feed index, then merged: cheap at any feed size.
        List<FeedItem> items = jdbc.query("SELECT " + COLUMNS + " FROM community_member m CROSS JOIN LATERAL ("
                + " SELECT * FROM contribution x WHERE x.community_id = m.community_id AND x.state = 'VISIBLE'"
                + (before == null ? "" : " AND (x.posted_at, x.contribution_id) < (:beforeAt, :beforeId)")
                + " ORDER BY x.posted_at DESC, x.contribution_id DESC LIMIT :fetch) c"
                + " WHERE m.member_id = :member AND " + CommunityReads.readable("m.community_id")
                + " ORDER BY c.posted_at DESC, c.contribution_id DESC LIMIT :fetch",
                params, ITEM);
        return page(items, limit);
    }

    public Optional<ContributionThread> thread(UUID contributionId) {
        List<Head> found = jdbc.query("SELECT " + COLUMNS + ", c.accepted_answer_id FROM contribution c"
                        + " WHERE c.contribution_id = :id", Map.of("id", contributionId),
                (rs, row) -> new Head(item(rs, row), rs.getObject("accepted_answer_id", UUID.class)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Head head = found.get(0);
        List<FeedItem> answers = head.item().kind() != ContributionKind.QUESTION ? List.of()
                : jdbc.query("SELECT " + COLUMNS + " FROM contribution c WHERE c.in_reply_to = :id"
                + " ORDER BY c.posted_at, c.contribution_id", Map.of("id", contributionId), ITEM);
        List<ContributionThread.Outcome> outcomes = jdbc.query("SELECT o.outcome_id, o.description, o.value,"
                + " o.recorded_by, o.recorded_at FROM outcome_contribution oc JOIN outcome o ON o.outcome_id = oc.outcome_id"
                + " WHERE oc.contribution_id = :id ORDER BY o.recorded_at, o.outcome_id", Map.of("id", contributionId),
                (rs, row) -> new ContributionThread.Outcome(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getBigDecimal(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
        return Optional.of(new ContributionThread(head.item(), answers, head.acceptedAnswerId(), outcomes));
    }

    private record Head(FeedItem item, UUID acceptedAnswerId) {
    }

    /** The contribution's changes, texts as they were; one POSTED entry for a contribution that never changed. */
    public Optional<ContributionHistory> history(UUID contributionId) {
        List<ContributionHistory> found = jdbc.query("SELECT contribution_id, community_id, author_id, state, posted_at,"
                + " title, body FROM contribution WHERE contribution_id = :id", Map.of("id", contributionId),
                (rs, row) -> new ContributionHistory(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), List.of(new ContributionHistory.Change(
                                0, "POSTED", rs.getString(3), rs.getObject(5, OffsetDateTime.class).toInstant(),
                                rs.getString(6), rs.getString(7), null))));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ContributionHistory head = found.get(0);
        List<ContributionHistory.Change> changes = jdbc.query("SELECT sequence, change, actor_id, changed_at, title,"
                + " body, reason FROM contribution_change WHERE contribution_id = :id ORDER BY sequence",
                Map.of("id", contributionId), (rs, row) -> new ContributionHistory.Change(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
        return Optional.of(changes.isEmpty() ? head : new ContributionHistory(head.contributionId(),
                head.communityId(), head.authorId(), head.state(), changes));
    }

    /** The contributions among {@code contributionIds} that feeds and search list (not retracted, not hidden). */
    public List<FeedItem> items(Collection<UUID> contributionIds) {
        if (contributionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM contribution c WHERE c.contribution_id IN (:ids)"
                + " AND c.state = 'VISIBLE' ORDER BY c.posted_at, c.contribution_id", Map.of("ids", contributionIds), ITEM);
    }

    private static MapSqlParameterSource params(Cursor before, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("fetch", limit + 1);
        if (before != null) {
            params.addValue("beforeAt", OffsetDateTime.ofInstant(before.at(), ZoneOffset.UTC))
                    .addValue("beforeId", before.id());
        }
        return params;
    }

    private static FeedPage page(List<FeedItem> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new FeedPage(fetched, null);
        }
        List<FeedItem> items = List.copyOf(fetched.subList(0, limit));
        return new FeedPage(items, Cursor.of(items.get(limit - 1)).encode());
    }

    private static FeedItem item(ResultSet rs, int row) throws SQLException {
        Map<ReactionKind, Integer> reactions = new EnumMap<>(ReactionKind.class);
        reactions.put(ReactionKind.LIKE, rs.getInt("like_count"));
        reactions.put(ReactionKind.THANKS, rs.getInt("thanks_count"));
        reactions.put(ReactionKind.USEFUL, rs.getInt("useful_count"));
        String state = rs.getString("state");
        String hiddenReason = rs.getString("hidden_reason");
        boolean visible = FeedItem.VISIBLE.equals(state);
        OffsetDateTime editedAt = rs.getObject("edited_at", OffsetDateTime.class);
        return new FeedItem(rs.getObject("contribution_id", UUID.class), rs.getObject("community_id", UUID.class),
                rs.getString("author_id"), ContributionKind.valueOf(rs.getString("kind")),
                visible ? rs.getString("title") : null,
                visible ? rs.getString("body") : FeedItem.placeholder(state, hiddenReason),
                rs.getObject("in_reply_to", UUID.class),
                rs.getObject("posted_at", OffsetDateTime.class).toInstant(), reactions, rs.getInt("answer_count"),
                rs.getString("question_title"), rs.getInt("outcome_count"),
                editedAt == null ? null : editedAt.toInstant(), state, hiddenReason);
    }
}
