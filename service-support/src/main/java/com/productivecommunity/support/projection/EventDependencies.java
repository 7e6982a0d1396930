package com.productivecommunity.support.projection;

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
import java.util.List;
import java.util.UUID;

/**
 * The aggregates, other than its own, that an event refers to: an answer to its question, an accepted answer
 * to the answer, an outcome to its contributions. Projections rely on these being applied first (an answer
 * counts on its question's row), so an event is held while one of them is held. A new event type does not
 * compile until it says what it refers to here.
 */
final class EventDependencies implements CommunityEvent.Visitor<List<String>> {

    private static final EventDependencies INSTANCE = new EventDependencies();

    private EventDependencies() {
    }

    static List<String> of(CommunityEvent event) {
        return event.accept(INSTANCE);
    }

    @Override
    public List<String> on(CommunityFounded event) {
        return List.of();
    }

    @Override
    public List<String> on(CommunityPurposeStated event) {
        return List.of();
    }

    @Override
    public List<String> on(MemberJoined event) {
        return List.of();
    }

    @Override
    public List<String> on(MemberLeft event) {
        return List.of();
    }

    @Override
    public List<String> on(MemberPurposeStated event) {
        return List.of();
    }

    @Override
    public List<String> on(ContributionPosted posted) {
        return posted.inReplyTo() == null ? List.of() : List.of(posted.inReplyTo().toString());
    }

    /** A reaction (like a view) is an event of the contribution's own aggregate: it refers to no other. */
    @Override
    public List<String> on(ReactionGiven event) {
        return List.of();
    }

    @Override
    public List<String> on(ContributionViewed event) {
        return List.of();
    }

    @Override
    public List<String> on(AnswerAccepted accepted) {
        return accepted.answerId() == null ? List.of() : List.of(accepted.answerId().toString());
    }

    @Override
    public List<String> on(OutcomeRecorded outcome) {
        if (outcome.contributionIds() == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(outcome.contributionIds().size());
        for (UUID id : outcome.contributionIds()) {
            if (id != null) {
                ids.add(id.toString());
            }
        }
        return ids;
    }

    /** Leadership and removals are events of the community itself: they refer to no other aggregate. */
    @Override
    public List<String> on(LeaderNamed event) {
        return List.of();
    }

    @Override
    public List<String> on(LeaderRemoved event) {
        return List.of();
    }

    @Override
    public List<String> on(MemberRemoved event) {
        return List.of();
    }

    /** Edits, retractions and hidings are events of the contribution's own aggregate (like a reaction). */
    @Override
    public List<String> on(ContributionEdited event) {
        return List.of();
    }

    @Override
    public List<String> on(ContributionRetracted event) {
        return List.of();
    }

    @Override
    public List<String> on(ContributionHidden event) {
        return List.of();
    }

    @Override
    public List<String> on(MemberSegmentsChanged event) {
        return List.of();
    }
}
