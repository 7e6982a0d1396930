package com.productivecommunity.query.community;

import java.util.ArrayList;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.ForbiddenException;
import com.productivecommunity.support.web.UnknownCommunityException;
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

    /** Every community the caller may read: all of them, or for a partner or customer those opened to them. */
    public List<CommunitySummary> all(Member caller) {
        return jdbc.query("SELECT community_id, name, purpose, member_count FROM community"
                + (caller.isExternal() ? " WHERE open_to_external" : "") + " ORDER BY name, community_id", SUMMARY);
    }

    /** The communities {@code memberId} currently belongs to that the caller may read. */
    public List<CommunitySummary> ofMember(String memberId, Member caller) {
        return jdbc.query("SELECT c.community_id, c.name, c.purpose, c.member_count FROM community c"
                + " JOIN community_member m ON m.community_id = c.community_id WHERE m.member_id = :member"
                + (caller.isExternal() ? " AND c.open_to_external" : "")
                + " ORDER BY c.name, c.community_id", Map.of("member", memberId), SUMMARY);
    }

    /**
     * An SQL condition: {@code column} names a community the caller may read — any, unless the parameter
     * {@code :external} is true (a partner or customer), then only one opened to partners and customers. Reads that
     * start from the caller's memberships use it: a membership from before that rule, or kept after the member's
     * segments changed, shows a partner or customer nothing of a community for the staff.
     */
    public static String readable(String column) {
        return "(NOT :external OR " + column + " IN (SELECT community_id FROM community WHERE open_to_external))";
    }

    /**
     * 404 for a community that does not exist, 403 for one the caller may not read: a partner or customer reads
     * only the communities opened to them (docs/api.md), everybody else every community.
     */
    public void requireReadable(UUID communityId, Member caller) {
        List<Boolean> open = jdbc.queryForList("SELECT open_to_external FROM community WHERE community_id = :id",
                Map.of("id", communityId), Boolean.class);
        if (open.isEmpty()) {
            throw new UnknownCommunityException(communityId);
        }
        if (caller.isExternal() && !open.get(0)) {
            throw new ForbiddenException("Community " + communityId + " is open to the organization's staff only");
        }
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
        List<CommunityDetail> found = jdbc.query("SELECT community_id, name, purpose, open_to_external FROM community"
                + " WHERE community_id = :id", id, (rs, row) -> new CommunityDetail(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getBoolean(4), List.of(), List.of()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<String> leaders = new ArrayList<>();
        List<CommunityDetail.MemberPurpose> members = jdbc.query("SELECT member_id, purpose, leader, segments"
                        + " FROM community_member WHERE community_id = :id ORDER BY joined_at, member_id", id,
                (rs, row) -> {
                    if (rs.getBoolean(3)) {
                        leaders.add(rs.getString(1));
                    }
                    return new CommunityDetail.MemberPurpose(rs.getString(1), rs.getString(2),
                            List.of((String[]) rs.getArray(4).getArray()));
                });
        CommunityDetail community = found.get(0);
        return Optional.of(new CommunityDetail(community.communityId(), community.name(), community.purpose(),
                community.openToExternal(), leaders, members));
    }
}
