package com.productivecommunity.query.community;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the community tables. */
@Component
public class CommunityReads {

    private final NamedParameterJdbcTemplate jdbc;

    public CommunityReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final RowMapper<CommunitySummary> SUMMARY = (rs, row) -> new CommunitySummary(
            rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4));

    public List<CommunitySummary> all() {
        return jdbc.query("SELECT community_id, name, purpose, member_count FROM community ORDER BY name, community_id",
                SUMMARY);
    }

    /** The communities {@code memberId} currently belongs to. */
    public List<CommunitySummary> ofMember(String memberId) {
        return jdbc.query("SELECT c.community_id, c.name, c.purpose, c.member_count FROM community c"
                + " JOIN community_member m ON m.community_id = c.community_id WHERE m.member_id = :member"
                + " ORDER BY c.name, c.community_id", Map.of("member", memberId), SUMMARY);
    }

    /** The communities of {@code communityIds} that exist, in no particular order. */
    public List<CommunitySummary> summaries(Collection<UUID> communityIds) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT community_id, name, purpose, member_count FROM community WHERE community_id IN (:ids)",
                Map.of("ids", communityIds), SUMMARY);
    }

    public boolean exists(UUID communityId) {
        return !jdbc.queryForList("SELECT 1 FROM community WHERE community_id = :id", Map.of("id", communityId),
                Integer.class).isEmpty();
    }

    public Optional<CommunityDetail> detail(UUID communityId) {
        Map<String, UUID> id = Map.of("id", communityId);
        List<CommunityDetail> found = jdbc.query("SELECT community_id, name, purpose FROM community"
                + " WHERE community_id = :id", id, (rs, row) -> new CommunityDetail(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), List.of(), List.of()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> leaders = new ArrayList<>();
        List<CommunityDetail.MemberPurpose> members = jdbc.query("SELECT member_id, purpose, leader FROM community_member"
                        + " WHERE community_id = :id ORDER BY joined_at, member_id", id,
                (rs, row) -> {
                    if (rs.getBoolean(3)) {
                        leaders.add(rs.getString(1));
                    }
                    return new CommunityDetail.MemberPurpose(rs.getString(1), rs.getString(2));
                });
        CommunityDetail community = found.get(0);
        return Optional.of(new CommunityDetail(community.communityId(), community.name(), community.purpose(),
                leaders, members));
    }
}
