package com.productivecommunity.command.contribution;

import static com.productivecommunity.command.rules.FixedStamps.EVENT_ID;
import static com.productivecommunity.command.rules.FixedStamps.NOW;

import com.productivecommunity.command.contribution.ContributionCommands.AcceptAnswer;
import com.productivecommunity.command.contribution.ContributionCommands.EditContribution;
import com.productivecommunity.command.contribution.ContributionCommands.GiveReaction;
import com.productivecommunity.command.contribution.ContributionCommands.HideContribution;
import com.productivecommunity.command.contribution.ContributionCommands.PostContribution;
import com.productivecommunity.command.contribution.ContributionCommands.RetractContribution;
import com.productivecommunity.command.contribution.ContributionCommands.ViewContribution;
import com.productivecommunity.command.contribution.ContributionRejections.AuthorOnly;
import com.productivecommunity.command.contribution.ContributionRejections.LeadersOnly;
import com.productivecommunity.command.contribution.ContributionRejections.MembersOnly;
import com.productivecommunity.command.contribution.ContributionRejections.Withdrawn;
import com.productivecommunity.command.rules.FixedStamps;
import com.productivecommunity.command.rules.InMemoryLookup;
import com.productivecommunity.command.rules.InvalidInput;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.ReactionKind;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17, editing and moderation: authors edit and retract, leaders hide; withdrawn is final. */
class ContributionEditingTest {

    private static final UUID COMMUNITY = UUID.fromString("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11");
    private static final UUID QUESTION = UUID.fromString("0b000000-0000-0000-0000-000000000001");
    private static final UUID ANSWER = UUID.fromString("0b000000-0000-0000-0000-000000000002");
    private static final UUID HIDDEN_ANSWER = UUID.fromString("0b000000-0000-0000-0000-000000000003");
    private static final UUID RETRACTED_QUESTION = UUID.fromString("0b000000-0000-0000-0000-000000000004");
    private static final UUID NEW = UUID.fromString("0b000000-0000-0000-0000-0000000000ff");

    private FixtureConfiguration<Contribution> fixture;

    @BeforeEach
    void setUp() {
        InMemoryLookup lookup = new InMemoryLookup()
                .leader(COMMUNITY, "alice").member(COMMUNITY, "bob").member(COMMUNITY, "carol")
                .contribution(QUESTION, COMMUNITY, ContributionKind.QUESTION, "bob", null)
                .contribution(ANSWER, COMMUNITY, ContributionKind.ANSWER, "carol", QUESTION)
                .contribution(HIDDEN_ANSWER, COMMUNITY, ContributionKind.ANSWER, "carol", QUESTION, true)
                .contribution(RETRACTED_QUESTION, COMMUNITY, ContributionKind.QUESTION, "bob", null, true);
        fixture = new AggregateTestFixture<>(Contribution.class);
        fixture.registerInjectableResource(new FixedStamps());
        fixture.registerInjectableResource(lookup);
    }

    private static ContributionPosted question() {
        return new ContributionPosted(EVENT_ID, COMMUNITY, "bob", NOW, QUESTION, ContributionKind.QUESTION, "Pump?",
                "Why does it stop?", null, null);
    }

    private static ContributionPosted answer() {
        return new ContributionPosted(EVENT_ID, COMMUNITY, "carol", NOW, ANSWER, ContributionKind.ANSWER, null,
                "The filter", QUESTION, "bob");
    }

    private static ContributionRetracted retracted() {
        return new ContributionRetracted(EVENT_ID, COMMUNITY, "bob", NOW, QUESTION);
    }

    private static ContributionHidden hidden() {
        return new ContributionHidden(EVENT_ID, COMMUNITY, "alice", NOW, QUESTION, "bob", "Off topic");
    }

    // --- editing

    @Test
    void theAuthorEditsTitleAndBodyNormalisedLikeAPosting() {
        fixture.given(question()).when(new EditContribution(QUESTION, "bob", "  Pump stops? ", "Why does it stop?\r\nDaily.  "))
                .expectEvents(new ContributionEdited(EVENT_ID, COMMUNITY, "bob", NOW, QUESTION, "Pump stops?",
                        "Why does it stop?\nDaily."));
    }

    @Test
    void anAnswerIsEditedWithoutATitle() {
        fixture.given(answer()).when(new EditContribution(ANSWER, "carol", null, "The filter, and the seal"))
                .expectEvents(new ContributionEdited(EVENT_ID, COMMUNITY, "carol", NOW, ANSWER, null,
                        "The filter, and the seal"));
    }

    @Test
    void editingFollowsThePostingLimits() {
        fixture.given(question()).when(new EditContribution(QUESTION, "bob", null, "Body"))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(question()).when(new EditContribution(QUESTION, "bob", "x".repeat(201), "Body"))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(question()).when(new EditContribution(QUESTION, "bob", "Title", ""))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(question()).when(new EditContribution(QUESTION, "bob", "Title", "x".repeat(20_001)))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void onlyTheAuthorEdits() {
        fixture.given(question()).when(new EditContribution(QUESTION, "alice", "Mine", "Now"))
                .expectException(AuthorOnly.class).expectNoEvents();
    }

    @Test
    void anAuthorWhoLeftTheCommunityCannotEdit() {
        fixture.given(new ContributionPosted(EVENT_ID, COMMUNITY, "dave", NOW, QUESTION, ContributionKind.QUESTION,
                        "T", "B", null, null))
                .when(new EditContribution(QUESTION, "dave", "T2", "B2"))
                .expectException(MembersOnly.class).expectNoEvents();
    }

    @Test
    void editingToTheSameTextsChangesNothing() {
        fixture.given(question()).when(new EditContribution(QUESTION, "bob", "Pump?", "Why does it stop?"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(question(), new ContributionEdited(EVENT_ID, COMMUNITY, "bob", NOW, QUESTION, "A", "B"))
                .when(new EditContribution(QUESTION, "bob", "A", "B"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aWithdrawnContributionCannotBeEdited() {
        fixture.given(question(), retracted()).when(new EditContribution(QUESTION, "bob", "A", "B"))
                .expectException(Withdrawn.class).expectNoEvents();
        fixture.given(question(), hidden()).when(new EditContribution(QUESTION, "bob", "A", "B"))
                .expectException(Withdrawn.class).expectNoEvents();
    }

    // --- retracting

    @Test
    void theAuthorRetracts() {
        fixture.given(question()).when(new RetractContribution(QUESTION, "bob")).expectEvents(retracted());
    }

    @Test
    void onlyTheAuthorRetracts() {
        fixture.given(question()).when(new RetractContribution(QUESTION, "alice"))
                .expectException(AuthorOnly.class).expectNoEvents();
    }

    @Test
    void anAuthorWhoLeftMayStillRetract() {
        fixture.given(new ContributionPosted(EVENT_ID, COMMUNITY, "dave", NOW, QUESTION, ContributionKind.QUESTION,
                        "T", "B", null, null))
                .when(new RetractContribution(QUESTION, "dave"))
                .expectEvents(new ContributionRetracted(EVENT_ID, COMMUNITY, "dave", NOW, QUESTION));
    }

    @Test
    void retractingTwiceOrAfterHidingIsAConflict() {
        fixture.given(question(), retracted()).when(new RetractContribution(QUESTION, "bob"))
                .expectException(Withdrawn.class).expectNoEvents();
        fixture.given(question(), hidden()).when(new RetractContribution(QUESTION, "bob"))
                .expectException(Withdrawn.class).expectNoEvents();
    }

    // --- hiding

    @Test
    void aLeaderHidesWithAReason() {
        fixture.given(question()).when(new HideContribution(QUESTION, "alice", "Off topic  "))
                .expectEvents(hidden());
    }

    @Test
    void onlyLeadersHide() {
        fixture.given(question()).when(new HideContribution(QUESTION, "carol", "Off topic"))
                .expectException(LeadersOnly.class).expectNoEvents();
        fixture.given(question()).when(new HideContribution(QUESTION, "bob", "Off topic"))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void hidingNeedsAReasonWithinTheLimits() {
        fixture.given(question()).when(new HideContribution(QUESTION, "alice", null))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(question()).when(new HideContribution(QUESTION, "alice", "x".repeat(501)))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void hidingTwiceOrARetractedContributionIsAConflict() {
        fixture.given(question(), hidden()).when(new HideContribution(QUESTION, "alice", "Again"))
                .expectException(Withdrawn.class).expectNoEvents();
        fixture.given(question(), retracted()).when(new HideContribution(QUESTION, "alice", "Late"))
                .expectException(Withdrawn.class).expectNoEvents();
    }

    // --- what a withdrawn contribution still takes

    @Test
    void aWithdrawnContributionTakesNoReaction() {
        fixture.given(question(), retracted()).when(new GiveReaction(QUESTION, "carol", ReactionKind.LIKE))
                .expectException(Withdrawn.class).expectNoEvents();
        fixture.given(question(), hidden()).when(new GiveReaction(QUESTION, "carol", ReactionKind.THANKS))
                .expectException(Withdrawn.class).expectNoEvents();
    }

    @Test
    void aViewOfAWithdrawnContributionIsAcceptedButNotRecorded() {
        fixture.given(question(), retracted()).when(new ViewContribution(QUESTION, "carol"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aWithdrawnQuestionTakesNoAnswer() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.ANSWER, null, "Late", RETRACTED_QUESTION))
                .expectException(Withdrawn.class).expectNoEvents();
    }

    @Test
    void aWithdrawnAnswerCannotBeAcceptedNorAWithdrawnQuestionAcceptOne() {
        fixture.given(question()).when(new AcceptAnswer(QUESTION, "bob", HIDDEN_ANSWER))
                .expectException(Withdrawn.class).expectNoEvents();
        fixture.given(question(), retracted()).when(new AcceptAnswer(QUESTION, "bob", ANSWER))
                .expectException(Withdrawn.class).expectNoEvents();
    }
}
