package com.productivecommunity.support.projection;

import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.OutcomeRecorded;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The aggregates, other than its own, that an event refers to: an answer to its question, an accepted answer
 * to the answer, an outcome to its contributions. Projections rely on these being applied first (an answer
 * counts on its question's row), so an event is held while one of them is held.
 */
final class EventDependencies {

    private EventDependencies() {
    }

    static List<String> of(CommunityEvent event) {
        if (event instanceof ContributionPosted posted && posted.inReplyTo() != null) {
            return List.of(posted.inReplyTo().toString());
        } else if (event instanceof AnswerAccepted accepted && accepted.answerId() != null) {
            return List.of(accepted.answerId().toString());
        } else if (event instanceof OutcomeRecorded outcome && outcome.contributionIds() != null) {
            List<String> ids = new ArrayList<>(outcome.contributionIds().size());
            for (UUID id : outcome.contributionIds()) {
                if (id != null) {
                    ids.add(id.toString());
                }
            }
            return ids;
        }
        return List.of();
    }
}
