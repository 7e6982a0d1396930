package com.productivecommunity.command.contribution;

import static com.productivecommunity.command.rules.FixedStamps.EVENT_ID;
import static com.productivecommunity.command.rules.FixedStamps.NOW;

import com.productivecommunity.command.contribution.ContributionCommands.AcceptAnswer;
import com.productivecommunity.command.contribution.ContributionCommands.GiveReaction;
import com.productivecommunity.command.contribution.ContributionCommands.PostContribution;
import com.productivecommunity.command.contribution.ContributionCommands.ViewContribution;
import com.productivecommunity.command.contribution.ContributionRejections.AnotherAnswerAccepted;
import com.productivecommunity.command.contribution.ContributionRejections.MembersOnly;
import com.productivecommunity.command.contribution.ContributionRejections.OwnContribution;
import com.productivecommunity.command.contribution.ContributionRejections.QuestionAuthorOnly;
import com.productivecommunity.command.rules.FixedStamps;
import com.productivecommunity.command.rules.InMemoryLookup;
import com.productivecommunity.command.rules.InvalidInput;
import com.productivecommunity.command.rules.UnknownCommunity;
import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContributionTest {

    private static final UUID COMMUNITY = UUID.fromString("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11");
    private static final UUID OTHER_COMMUNITY = UUID.fromString("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e12");
    private static final UUID QUESTION = UUID.fromString("0b000000-0000-0000-0000-000000000001");
    private static final UUID ANSWER = UUID.fromString("0b000000-0000-0000-0000-000000000002");
    private static final UUID OTHER_ANSWER = UUID.fromString("0b000000-0000-0000-0000-000000000003");
    private static final UUID POST = UUID.fromString("0b000000-0000-0000-0000-000000000004");
    private static final UUID FOREIGN_QUESTION = UUID.fromString("0b000000-0000-0000-0000-000000000005");
    private static final UUID ANSWER_ELSEWHERE = UUID.fromString("0b000000-0000-0000-0000-000000000006");
    private static final UUID NEW = UUID.fromString("0b000000-0000-0000-0000-0000000000ff");

    private FixtureConfiguration<Contribution> fixture;

    @BeforeEach
    void setUp() {
        InMemoryLookup lookup = new InMemoryLookup()
                .member(COMMUNITY, "alice").member(COMMUNITY, "bob").member(COMMUNITY, "carol")
                .member(OTHER_COMMUNITY, "frank")
                .contribution(QUESTION, COMMUNITY, ContributionKind.QUESTION, "bob", null)
                .contribution(ANSWER, COMMUNITY, ContributionKind.ANSWER, "carol", QUESTION)
                .contribution(OTHER_ANSWER, COMMUNITY, ContributionKind.ANSWER, "alice", QUESTION)
                .contribution(POST, COMMUNITY, ContributionKind.POST, "bob", null)
                .contribution(FOREIGN_QUESTION, OTHER_COMMUNITY, ContributionKind.QUESTION, "frank", null)
                .contribution(ANSWER_ELSEWHERE, COMMUNITY, ContributionKind.ANSWER, "carol", UUID.randomUUID());
        fixture = new AggregateTestFixture<>(Contribution.class);
        fixture.registerInjectableResource(new FixedStamps());
        fixture.registerInjectableResource(lookup);
    }

    private static ContributionPosted question() {
        return new ContributionPosted(EVENT_ID, COMMUNITY, "bob", NOW, QUESTION, ContributionKind.QUESTION, "Pump?",
                "Why does it stop?", null, null);
    }

    private static ContributionPosted post() {
        return new ContributionPosted(EVENT_ID, COMMUNITY, "bob", NOW, POST, ContributionKind.POST, "News",
                "We fixed it", null, null);
    }

    private static ContributionPosted answer() {
        return new ContributionPosted(EVENT_ID, COMMUNITY, "carol", NOW, ANSWER, ContributionKind.ANSWER, null,
                "The filter", QUESTION, "bob");
    }

    // --- posting

    @Test
    void aMemberPostsAQuestionPostOrIdea() {
        for (ContributionKind kind : new ContributionKind[] {ContributionKind.QUESTION, ContributionKind.POST,
                ContributionKind.IDEA}) {
            fixture.givenNoPriorActivity()
                    .when(new PostContribution(NEW, COMMUNITY, "alice", kind, "Title", "Body", null))
                    .expectEvents(new ContributionPosted(EVENT_ID, COMMUNITY, "alice", NOW, NEW, kind, "Title", "Body",
                            null, null));
        }
    }

    @Test
    void anAnswerRepliesToAQuestionOfTheSameCommunityAndNamesItsAuthor() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.ANSWER, null, "The filter", QUESTION))
                .expectEvents(new ContributionPosted(EVENT_ID, COMMUNITY, "carol", NOW, NEW, ContributionKind.ANSWER,
                        null, "The filter", QUESTION, "bob"));
    }

    @Test
    void postingInAnUnknownCommunityIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, UUID.randomUUID(), "alice", ContributionKind.POST, "T", "B", null))
                .expectException(UnknownCommunity.class).expectNoEvents();
    }

    @Test
    void onlyMembersPost() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "frank", ContributionKind.POST, "T", "B", null))
                .expectException(MembersOnly.class).expectNoEvents();
    }

    @Test
    void aTitleIsRequiredExceptForAnAnswer() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.QUESTION, null, "B", null))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.IDEA, "  ", "B", null))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void kindIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", null, "T", "B", null))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void titleAndBodyMustRespectTheLimits() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, "x".repeat(201), "B", null))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, "T", "", null))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, "T", "x".repeat(20_001), null))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, "x".repeat(200),
                        "x".repeat(20_000), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void titlesAndBodiesThatNoProjectionCouldStoreAreRejected() {
        for (String text : java.util.List.of("a\u0000b", "a\uDC00b", "a\uFDD0b", "\uFEFFab", "a\u0085b")) {
            fixture.givenNoPriorActivity()
                    .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, text, "B", null))
                    .expectException(InvalidInput.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, "T", text, null))
                    .expectException(InvalidInput.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.ANSWER, text, "B", QUESTION))
                    .expectException(InvalidInput.class).expectNoEvents();
        }
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, "Two\nlines", "B", null))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void titlesAndBodiesAreStoredNormalisedAndAnAnswersBlankTitleIsNone() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, " Title\t", "\n  code\r\n",
                        null))
                .expectException(InvalidInput.class);
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "alice", ContributionKind.POST, " Title ", "\n  code\r\n",
                        null))
                .expectEvents(new ContributionPosted(EVENT_ID, COMMUNITY, "alice", NOW, NEW, ContributionKind.POST,
                        "Title", "  code", null, null));
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.ANSWER, " \u200B ", "The filter",
                        QUESTION))
                .expectEvents(new ContributionPosted(EVENT_ID, COMMUNITY, "carol", NOW, NEW, ContributionKind.ANSWER,
                        null, "The filter", QUESTION, "bob"));
    }

    @Test
    void anAnswerNeedsInReplyTo() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.ANSWER, null, "B", null))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void otherKindsHaveNoInReplyTo() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.POST, "T", "B", QUESTION))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void anAnswerMustReplyToAQuestionOfTheSameCommunity() {
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.ANSWER, null, "B", POST))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.ANSWER, null, "B", FOREIGN_QUESTION))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PostContribution(NEW, COMMUNITY, "carol", ContributionKind.ANSWER, null, "B", UUID.randomUUID()))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    // --- reactions

    @Test
    void aMemberReactsToSomebodyElsesContribution() {
        fixture.given(post()).when(new GiveReaction(POST, "alice", ReactionKind.THANKS))
                .expectEvents(new ReactionGiven(EVENT_ID, COMMUNITY, "alice", NOW, POST, "bob", ReactionKind.THANKS));
    }

    @Test
    void repeatingTheSameReactionRecordsNothingNew() {
        fixture.given(post(), new ReactionGiven(EVENT_ID, COMMUNITY, "alice", NOW, POST, "bob", ReactionKind.THANKS))
                .when(new GiveReaction(POST, "alice", ReactionKind.THANKS))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anotherKindOfReactionBySameMemberIsNew() {
        fixture.given(post(), new ReactionGiven(EVENT_ID, COMMUNITY, "alice", NOW, POST, "bob", ReactionKind.THANKS))
                .when(new GiveReaction(POST, "alice", ReactionKind.USEFUL))
                .expectEvents(new ReactionGiven(EVENT_ID, COMMUNITY, "alice", NOW, POST, "bob", ReactionKind.USEFUL));
    }

    @Test
    void reactingToOnesOwnContributionIsAConflict() {
        fixture.given(post()).when(new GiveReaction(POST, "bob", ReactionKind.LIKE))
                .expectException(OwnContribution.class).expectNoEvents();
    }

    @Test
    void onlyMembersOfItsCommunityReact() {
        fixture.given(post()).when(new GiveReaction(POST, "frank", ReactionKind.LIKE))
                .expectException(MembersOnly.class).expectNoEvents();
    }

    // --- views

    @Test
    void aFirstViewBySomebodyElseIsRecorded() {
        fixture.given(post()).when(new ViewContribution(POST, "alice"))
                .expectEvents(new ContributionViewed(EVENT_ID, COMMUNITY, "alice", NOW, POST, "bob"));
    }

    @Test
    void repeatedViewsCountOnce() {
        fixture.given(post(), new ContributionViewed(EVENT_ID, COMMUNITY, "alice", NOW, POST, "bob"))
                .when(new ViewContribution(POST, "alice"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void viewingOnesOwnContributionCountsNothing() {
        fixture.given(post()).when(new ViewContribution(POST, "bob"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlyMembersOfItsCommunityView() {
        fixture.given(post()).when(new ViewContribution(POST, "frank"))
                .expectException(MembersOnly.class).expectNoEvents();
    }

    // --- accepted answer

    @Test
    void theQuestionsAuthorAcceptsAnAnswerToIt() {
        fixture.given(question()).when(new AcceptAnswer(QUESTION, "bob", ANSWER))
                .expectEvents(new AnswerAccepted(EVENT_ID, COMMUNITY, "bob", NOW, QUESTION, ANSWER, "carol"));
    }

    @Test
    void onlyTheQuestionsAuthorAccepts() {
        fixture.given(question()).when(new AcceptAnswer(QUESTION, "alice", ANSWER))
                .expectException(QuestionAuthorOnly.class).expectNoEvents();
    }

    @Test
    void onlyAQuestionHasAnAcceptedAnswer() {
        fixture.given(post()).when(new AcceptAnswer(POST, "bob", ANSWER))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void theAcceptedAnswerMustReplyToThatQuestion() {
        fixture.given(question()).when(new AcceptAnswer(QUESTION, "bob", ANSWER_ELSEWHERE))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(question()).when(new AcceptAnswer(QUESTION, "bob", POST))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(question()).when(new AcceptAnswer(QUESTION, "bob", UUID.randomUUID()))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(question()).when(new AcceptAnswer(QUESTION, "bob", null))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void acceptingTheAcceptedAnswerAgainChangesNothing() {
        fixture.given(question(), new AnswerAccepted(EVENT_ID, COMMUNITY, "bob", NOW, QUESTION, ANSWER, "carol"))
                .when(new AcceptAnswer(QUESTION, "bob", ANSWER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void acceptingAnotherAnswerOnceOneIsAcceptedIsAConflict() {
        fixture.given(question(), new AnswerAccepted(EVENT_ID, COMMUNITY, "bob", NOW, QUESTION, ANSWER, "carol"))
                .when(new AcceptAnswer(QUESTION, "bob", OTHER_ANSWER))
                .expectException(AnotherAnswerAccepted.class).expectNoEvents();
    }

    @Test
    void anAnswerCanBeReactedToAndViewedLikeAnyContribution() {
        fixture.given(answer()).when(new GiveReaction(ANSWER, "bob", ReactionKind.USEFUL))
                .expectEvents(new ReactionGiven(EVENT_ID, COMMUNITY, "bob", NOW, ANSWER, "carol", ReactionKind.USEFUL));
    }
}
