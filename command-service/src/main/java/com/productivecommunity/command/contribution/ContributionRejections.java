package com.productivecommunity.command.contribution;

import com.productivecommunity.support.web.ConflictException;
import com.productivecommunity.support.web.ForbiddenException;
import com.productivecommunity.support.web.NotFoundException;
import java.util.UUID;

/** Why a contribution refuses a command. */
final class ContributionRejections {

    private ContributionRejections() {
    }

    static class UnknownCommunity extends NotFoundException {
        UnknownCommunity(UUID communityId) {
            super("No community " + communityId);
        }
    }

    static class MembersOnly extends ForbiddenException {
        MembersOnly(String memberId) {
            super("Only members of the community may do this, and " + memberId + " is not one");
        }
    }

    static class OwnContribution extends ConflictException {
        OwnContribution() {
            super("Members cannot react to their own contribution");
        }
    }

    static class QuestionAuthorOnly extends ForbiddenException {
        QuestionAuthorOnly(String memberId) {
            super("Only the question's author may accept an answer, and " + memberId + " is not");
        }
    }

    static class AnotherAnswerAccepted extends ConflictException {
        AnotherAnswerAccepted(UUID acceptedAnswerId) {
            super("Answer " + acceptedAnswerId + " is already accepted for this question");
        }
    }
}
