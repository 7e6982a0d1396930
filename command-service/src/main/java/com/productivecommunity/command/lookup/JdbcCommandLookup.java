package com.productivecommunity.command.lookup;

import com.productivecommunity.command.rules.CommandLookup;
import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.LeaderRemoved;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.MemberRemoved;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
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
    private final Tables tables = new Tables();

    JdbcCommandLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean communityExists(UUID communityId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM community_lookup WHERE community_id = ?)", Boolean.class, communityId));
    }

    @Override
    public boolean openToExternal(UUID communityId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM community_lookup"
                + " WHERE community_id = ? AND open_to_external)", Boolean.class, communityId));
    }

    @Override
    public boolean isMember(UUID communityId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM community_membership WHERE community_id = ? AND member_id = ?)",
                Boolean.class, communityId, memberId));
    }

    @Override
    public boolean isLeader(UUID communityId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM community_membership"
                + " WHERE community_id = ? AND member_id = ? AND leader)", Boolean.class, communityId, memberId));
    }

    @Override
    public Optional<ContributionFacts> contribution(UUID contributionId) {
        return jdbc.query("SELECT contribution_id, community_id, kind, author_id, in_reply_to, withdrawn"
                        + " FROM contribution_lookup WHERE contribution_id = ?",
                (row, n) -> new ContributionFacts(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        ContributionKind.valueOf(row.getString(3)), row.getString(4), row.getObject(5, UUID.class),
                        row.getBoolean(6)),
                contributionId).stream().findFirst();
    }

    /** Every stored event, in the transaction that stores it; {@link Tables} decides what each type changes. */
    @EventHandler
    void on(CommunityEvent event) {
        event.accept(tables);
    }

    /** What each event type changes in the lookup tables; a new type does not compile until it is decided here. */
    private final class Tables implements CommunityEvent.Visitor<Void> {
        @Override
        public Void on(CommunityFounded event) {
            jdbc.update("INSERT INTO community_lookup (community_id, open_to_external) VALUES (?, ?)",
                    event.communityId(), event.openToExternal());
            join(event.communityId(), event.actorId());
            leader(event.communityId(), event.actorId(), true);
            return null;
        }

        @Override
        public Void on(CommunityPurposeStated event) {
            return null;
        }

        @Override
        public Void on(MemberJoined event) {
            join(event.communityId(), event.actorId());
            return null;
        }

        @Override
        public Void on(MemberLeft event) {
            leave(event.communityId(), event.actorId());
            return null;
        }

        @Override
        public Void on(MemberPurposeStated event) {
            return null;
        }

        @Override
        public Void on(ContributionPosted event) {
            jdbc.update("INSERT INTO contribution_lookup (contribution_id, community_id, kind, author_id, in_reply_to)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    event.contributionId(), event.communityId(), event.kind().name(), event.actorId(),
                    event.inReplyTo());
            return null;
        }

        @Override
        public Void on(ReactionGiven event) {
            return null; // the Contribution aggregate keeps its own reactions
        }

        @Override
        public Void on(ContributionViewed event) {
            return null;
        }

        @Override
        public Void on(AnswerAccepted event) {
            return null; // the question's aggregate keeps its accepted answer
        }

        @Override
        public Void on(OutcomeRecorded event) {
            return null;
        }

        @Override
        public Void on(MemberSegmentsChanged event) {
            return null; // no command looks a member's segments up
        }

        @Override
        public Void on(LeaderNamed event) {
            leader(event.communityId(), event.memberId(), true);
            return null;
        }

        @Override
        public Void on(LeaderRemoved event) {
            leader(event.communityId(), event.memberId(), false);
            return null;
        }

        @Override
        public Void on(MemberRemoved event) {
            leave(event.communityId(), event.memberId());
            return null;
        }

        @Override
        public Void on(ContributionEdited event) {
            return null; // the lookup holds no texts
        }

        @Override
        public Void on(ContributionRetracted event) {
            withdraw(event.contributionId());
            return null;
        }

        @Override
        public Void on(ContributionHidden event) {
            withdraw(event.contributionId());
            return null;
        }
    }

    private void leader(UUID communityId, String memberId, boolean leader) {
        jdbc.update("UPDATE community_membership SET leader = ? WHERE community_id = ? AND member_id = ?",
                leader, communityId, memberId);
    }

    private void leave(UUID communityId, String memberId) {
        jdbc.update("DELETE FROM community_membership WHERE community_id = ? AND member_id = ?", communityId, memberId);
    }

    private void withdraw(UUID contributionId) {
        jdbc.update("UPDATE contribution_lookup SET withdrawn = true WHERE contribution_id = ?", contributionId);
    }

    private void join(UUID communityId, String memberId) {
        jdbc.update("INSERT INTO community_membership (community_id, member_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", communityId, memberId);
    }
}
