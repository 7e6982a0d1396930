package com.productivecommunity.command.lookup;

import com.productivecommunity.command.core.CommandLookup;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tables {@code community_membership} and {@code contribution_lookup}, written by a subscribing
 * processor: in the same transaction as the event that changes them, so a command never reads them stale.
 */
@Component
@ProcessingGroup(JdbcCommandLookup.PROCESSING_GROUP)
class JdbcCommandLookup implements CommandLookup {

    static final String PROCESSING_GROUP = "command-lookup";

    private final JdbcTemplate jdbc;

    JdbcCommandLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean communityExists(UUID communityId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM community_lookup WHERE community_id = ?)", Boolean.class, communityId));
    }

    @Override
    public boolean isMember(UUID communityId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM community_membership WHERE community_id = ? AND member_id = ?)",
                Boolean.class, communityId, memberId));
    }

    @Override
    public Optional<ContributionFacts> contribution(UUID contributionId) {
        return jdbc.query("SELECT contribution_id, community_id, kind, author_id, in_reply_to FROM contribution_lookup"
                        + " WHERE contribution_id = ?",
                (row, n) -> new ContributionFacts(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        ContributionKind.valueOf(row.getString(3)), row.getString(4), row.getObject(5, UUID.class)),
                contributionId).stream().findFirst();
    }

    @EventHandler
    void on(CommunityFounded event) {
        jdbc.update("INSERT INTO community_lookup (community_id) VALUES (?)", event.communityId());
        join(event.communityId(), event.actorId());
    }

    @EventHandler
    void on(MemberJoined event) {
        join(event.communityId(), event.actorId());
    }

    @EventHandler
    void on(MemberLeft event) {
        jdbc.update("DELETE FROM community_membership WHERE community_id = ? AND member_id = ?",
                event.communityId(), event.actorId());
    }

    @EventHandler
    void on(ContributionPosted event) {
        jdbc.update("INSERT INTO contribution_lookup (contribution_id, community_id, kind, author_id, in_reply_to)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.contributionId(), event.communityId(), event.kind().name(), event.actorId(), event.inReplyTo());
    }

    private void join(UUID communityId, String memberId) {
        jdbc.update("INSERT INTO community_membership (community_id, member_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", communityId, memberId);
    }
}
