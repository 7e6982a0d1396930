package com.productivecommunity.analytics.ledger;

import static com.productivecommunity.analytics.ledger.Sql.timestamp;

import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The communities and their current members ({@code community}, {@code community_member}), which the reads'
 * access rules need, and the history of each member's segments ({@code member_segments}), which the per-segment
 * reads group by; kept by the default lane only.
 */
final class MembershipStore {

    private final Sql sql;

    MembershipStore(Sql sql) {
        this.sql = sql;
    }

    void save(List<CommunityEvent> events) {
        CommunityRows rows = new CommunityRows();
        events.forEach(event -> event.accept(rows));
        List<Object[]> founded = rows.founded;
        Map<List<Object>, Boolean> membership = rows.membership;
        sql.jdbc().batchUpdate("INSERT INTO community (community_id, name, founded_at, open_to_external) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", founded);
        List<Object[]> joined = new ArrayList<>();
        List<Object[]> left = new ArrayList<>();
        membership.forEach((key, member) -> (member ? joined : left).add(key.toArray()));
        sql.jdbc().batchUpdate("INSERT INTO community_member (community_id, member_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", joined);
        sql.jdbc().batchUpdate("DELETE FROM community_member WHERE community_id = ? AND member_id = ?", left);
        sql.jdbc().batchUpdate("INSERT INTO member_segments (community_id, member_id, event_id, recorded_at, segments)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows.segments);
    }

    void reset() {
        sql.jdbc().execute("TRUNCATE community, community_member, member_segments");
    }

    /** The communities a batch founds, and each (community, member) pair's membership after the batch. */
    private static final class CommunityRows implements CommunityEvent.Visitor<Void> {
        final List<Object[]> founded = new ArrayList<>();
        final Map<List<Object>, Boolean> membership = new LinkedHashMap<>();
        final List<Object[]> segments = new ArrayList<>();

        private void member(CommunityEvent event, boolean member) {
            membership.put(List.of(event.communityId(), event.actorId()), member);
        }

        private void member(UUID communityId, String memberId, boolean member) {
            membership.put(List.of(communityId, memberId), member);
        }

        private void segments(CommunityEvent event, List<String> names) {
            segments.add(new Object[] {event.communityId(), event.actorId(), event.eventId(),
                timestamp(event.occurredAt()), names.toArray(String[]::new)});
        }

        @Override
        public Void on(CommunityFounded event) {
            founded.add(new Object[] {event.communityId(), event.name(), timestamp(event.occurredAt()),
                event.openToExternal()});
            member(event, true); // the founder is the first member
            segments(event, event.founderSegments());
            return null;
        }

        @Override
        public Void on(CommunityPurposeStated event) {
            return null; // the reads' access rules need no purpose
        }

        @Override
        public Void on(MemberJoined event) {
            member(event, true);
            segments(event, event.segments());
            return null;
        }

        @Override
        public Void on(MemberLeft event) {
            member(event, false);
            return null;
        }

        @Override
        public Void on(MemberPurposeStated event) {
            return null;
        }

        @Override
        public Void on(ContributionPosted event) {
            return null;
        }

        @Override
        public Void on(ReactionGiven event) {
            return null;
        }

        @Override
        public Void on(ContributionViewed event) {
            return null;
        }

        @Override
        public Void on(AnswerAccepted event) {
            return null;
        }

        @Override
        public Void on(OutcomeRecorded event) {
            return null;
        }

        @Override
        public Void on(LeaderNamed event) {
            return null; // the reads' access rules know members, not leaders
        }

        @Override
        public Void on(LeaderRemoved event) {
            return null;
        }

        @Override
        public Void on(MemberRemoved event) {
            member(event.communityId(), event.memberId(), false);
            return null;
        }

        @Override
        public Void on(ContributionEdited event) {
            return null;
        }

        @Override
        public Void on(ContributionRetracted event) {
            return null;
        }

        @Override
        public Void on(ContributionHidden event) {
            return null;
        }

        @Override
        public Void on(MemberSegmentsChanged event) {
            segments(event, event.segments());
            return null;
        }
    }
}
