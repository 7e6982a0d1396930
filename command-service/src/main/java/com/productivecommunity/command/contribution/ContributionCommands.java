package com.productivecommunity.command.contribution;

import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ReactionKind;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a contribution handles; {@code memberId} is always the authenticated member. */
final class ContributionCommands {

    private ContributionCommands() {
    }

    record PostContribution(@TargetAggregateIdentifier UUID contributionId, UUID communityId, String memberId,
                            ContributionKind kind, String title, String body, UUID inReplyTo) {
    }

    record GiveReaction(@TargetAggregateIdentifier UUID contributionId, String memberId, ReactionKind kind) {
    }

    record ViewContribution(@TargetAggregateIdentifier UUID contributionId, String memberId) {
    }

    record AcceptAnswer(@TargetAggregateIdentifier UUID questionId, String memberId, UUID answerId) {
    }

    /** The author replaces the title and body (the title may be null for an ANSWER). */
    record EditContribution(@TargetAggregateIdentifier UUID contributionId, String memberId, String title,
                            String body) {
    }

    record RetractContribution(@TargetAggregateIdentifier UUID contributionId, String memberId) {
    }

    record HideContribution(@TargetAggregateIdentifier UUID contributionId, String memberId, String reason) {
    }
}
