package com.productivecommunity.command.contribution;

import com.productivecommunity.command.rules.Rejection;
import java.util.UUID;

/** Why a contribution refuses a command. */
final class ContributionRejections {

    private ContributionRejections() {
    }

    static class MembersOnly extends Rejection.Forbidden {
        MembersOnly(String memberId) {
            super("Only members of the community may do this, and " + memberId + " is not one");
        }
    }

    static class OwnContribution extends Rejection.Conflict {
        OwnContribution() {
            super("Members cannot react to their own contribution");
        }
    }

    static class QuestionAuthorOnly extends Rejection.Forbidden {
        QuestionAuthorOnly(String memberId) {
            super("Only the question's author may accept an answer, and " + memberId + " is not");
        }
    }

    static class AnotherAnswerAccepted extends Rejection.Conflict {
        AnotherAnswerAccepted(UUID acceptedAnswerId) {
            super("Answer " + acceptedAnswerId + " is already accepted for this question");
        }
    }

    static class AuthorOnly extends Rejection.Forbidden {
        AuthorOnly(String memberId) {
            super("Only the contribution's author may do this, and " + memberId + " is not");
        }
    }

    static class LeadersOnly extends Rejection.Forbidden {
        LeadersOnly(String memberId) {
            super("Only the community's leaders may do this, and " + memberId + " is not one");
        }
    }

    /** The contribution (or one the command refers to) was retracted by its author or hidden by a leader. */
    static class Withdrawn extends Rejection.Conflict {
        Withdrawn(UUID contributionId, String how) {
            super("Contribution " + contributionId + " was " + how);
        }
    }
}
