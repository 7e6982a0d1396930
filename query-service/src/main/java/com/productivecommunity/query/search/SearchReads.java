package com.productivecommunity.query.search;

import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.query.community.CommunitySummary;
import com.productivecommunity.query.feed.FeedItem;
import com.productivecommunity.query.feed.FeedReads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ranked full-text search on the generated {@code search} columns (V2__search.sql). {@code q} is read by
 * {@code websearch_to_tsquery} (words, "quoted phrases", {@code or}, {@code -word}; it never fails on any
 * input), ranked by {@code ts_rank} (weights: title or name A, body or purpose B, so a word in the title
 * outranks the same word in the body), keyset-paged on (rank, kind, id) descending. The page's rows are
 * then read as the feeds read them.
 *
 * <p>Visibility: the same rule as the feeds and threads (docs/api.md): the staff read every community, so every
 * community and contribution may be found; a partner or customer ({@code openOnly}) finds only those of the
 * communities opened to them.
 */
@Component
class SearchReads {

    static final String CONFIG = "'english'";
    private static final String QUERY = "websearch_to_tsquery(" + CONFIG + ", :q)";

    private final NamedParameterJdbcTemplate jdbc;
    private final FeedReads feeds;
    private final CommunityReads communities;

    SearchReads(NamedParameterJdbcTemplate jdbc, FeedReads feeds, CommunityReads communities) {
        this.jdbc = jdbc;
        this.feeds = feeds;
        this.communities = communities;
    }

    SearchPage search(Search search, SearchCursor before, int limit, boolean openOnly) {
        MapSqlParameterSource params = new MapSqlParameterSource("q", search.q()).addValue("fetch", limit + 1);
        StringBuilder sql = new StringBuilder("SELECT kind, id, rank FROM (SELECT 0 AS kind, x.contribution_id AS id,"
                + " ts_rank(x.search, " + QUERY + ") AS rank FROM contribution x WHERE x.search @@ " + QUERY
                + " AND x.state = 'VISIBLE'");
        if (search.community() != null) {
            sql.append(" AND x.community_id = :community");
            params.addValue("community", search.community());
        }
        if (search.author() != null) {
            sql.append(" AND x.author_id = :author");
            params.addValue("author", search.author());
        }
        if (openOnly) {
            sql.append(" AND x.community_id IN (SELECT community_id FROM community WHERE open_to_external)");
        }
        if (!search.scoped()) {
            sql.append(" UNION ALL SELECT 1, c.community_id, ts_rank(c.search, " + QUERY + ") FROM community c"
                    + " WHERE c.search @@ " + QUERY + (openOnly ? " AND c.open_to_external" : ""));
        }
        sql.append(") hit");
        if (before != null) {
            sql.append(" WHERE (hit.rank, hit.kind, hit.id) < (CAST(:rank AS real), :kind, :id)");
            params.addValue("rank", before.rank()).addValue("kind", before.kind()).addValue("id", before.id());
        }
        sql.append(" ORDER BY hit.rank DESC, hit.kind DESC, hit.id DESC LIMIT :fetch");
        List<Ranked> ranked = jdbc.query(sql.toString(), params,
                (rs, row) -> new Ranked(rs.getInt(1) == 1 ? SearchHit.Type.COMMUNITY : SearchHit.Type.CONTRIBUTION,
                        rs.getObject(2, UUID.class), rs.getFloat(3)));
        boolean more = ranked.size() > limit;
        List<SearchHit> hits = hits(more ? ranked.subList(0, limit) : ranked);
        String next = more && !hits.isEmpty() ? SearchCursor.after(hits.get(hits.size() - 1), search).encode() : null;
        return new SearchPage(hits, next);
    }

    /** The page's hits in rank order, with what feeds show of each contribution and the community's name. */
    private List<SearchHit> hits(List<Ranked> ranked) {
        Set<UUID> contributionIds = new LinkedHashSet<>();
        ranked.stream().filter(r -> r.type() == SearchHit.Type.CONTRIBUTION).forEach(r -> contributionIds.add(r.id()));
        Map<UUID, FeedItem> items = feeds.items(contributionIds).stream()
                .collect(Collectors.toMap(FeedItem::contributionId, Function.identity()));
        Set<UUID> communityIds = new LinkedHashSet<>();
        for (Ranked r : ranked) {
            if (r.type() == SearchHit.Type.COMMUNITY) {
                communityIds.add(r.id());
            } else if (items.containsKey(r.id())) {
                communityIds.add(items.get(r.id()).communityId());
            }
        }
        Map<UUID, CommunitySummary> summaries = communities.summaries(communityIds).stream()
                .collect(Collectors.toMap(CommunitySummary::communityId, Function.identity()));
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            if (r.type() == SearchHit.Type.COMMUNITY) {
                CommunitySummary community = summaries.get(r.id());
                if (community != null) {
                    hits.add(new SearchHit(r.type(), r.rank(), r.id(), community.name(), community, null));
                }
            } else {
                FeedItem item = items.get(r.id());
                if (item != null) { // a rebuild may have emptied the tables between the two reads
                    CommunitySummary community = summaries.get(item.communityId());
                    hits.add(new SearchHit(r.type(), r.rank(), item.communityId(),
                            community == null ? null : community.name(), null, item));
                }
            }
        }
        return hits;
    }

    private record Ranked(SearchHit.Type type, UUID id, float rank) {
    }
}
