package com.productivecommunity.command.community;

import static com.productivecommunity.command.rules.FixedStamps.EVENT_ID;
import static com.productivecommunity.command.rules.FixedStamps.NOW;

import com.productivecommunity.command.community.CommunityCommands.FoundCommunity;
import com.productivecommunity.command.community.CommunityCommands.JoinCommunity;
import com.productivecommunity.command.community.CommunityCommands.LeaveCommunity;
import com.productivecommunity.command.community.CommunityCommands.RecordOutcome;
import com.productivecommunity.command.community.CommunityCommands.StateCommunityPurpose;
import com.productivecommunity.command.community.CommunityCommands.StateMemberPurpose;
import com.productivecommunity.command.community.CommunityRejections.AlreadyAMember;
import com.productivecommunity.command.community.CommunityRejections.LeadersOnly;
import com.productivecommunity.command.community.CommunityRejections.MembersOnly;
import com.productivecommunity.command.community.CommunityRejections.NotAMember;
import com.productivecommunity.command.rules.FixedStamps;
import com.productivecommunity.command.rules.InMemoryLookup;
import com.productivecommunity.command.rules.InvalidInput;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.OutcomeRecorded;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommunityTest {

    private static final UUID COMMUNITY = UUID.fromString("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11");
    private static final UUID OTHER_COMMUNITY = UUID.fromString("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e12");
    private static final UUID OUTCOME = UUID.fromString("0c000000-0000-0000-0000-000000000001");
    private static final UUID QUESTION = UUID.fromString("0b000000-0000-0000-0000-000000000001");
    private static final UUID ANSWER = UUID.fromString("0b000000-0000-0000-0000-000000000002");
    private static final UUID ANOTHER_ANSWER = UUID.fromString("0b000000-0000-0000-0000-000000000003");
    private static final UUID ELSEWHERE = UUID.fromString("0b000000-0000-0000-0000-000000000009");

    private FixtureConfiguration<Community> fixture;

    @BeforeEach
    void setUp() {
        InMemoryLookup lookup = new InMemoryLookup()
                .contribution(QUESTION, COMMUNITY, ContributionKind.QUESTION, "bob", null)
                .contribution(ANSWER, COMMUNITY, ContributionKind.ANSWER, "carol", QUESTION)
                .contribution(ANOTHER_ANSWER, COMMUNITY, ContributionKind.ANSWER, "carol", QUESTION)
                .contribution(ELSEWHERE, OTHER_COMMUNITY, ContributionKind.POST, "bob", null);
        fixture = new AggregateTestFixture<>(Community.class);
        fixture.registerInjectableResource(new FixedStamps());
        fixture.registerInjectableResource(lookup);
    }

    private static CommunityFounded founded() {
        return new CommunityFounded(EVENT_ID, COMMUNITY, "alice", NOW, "Maintenance", "Less downtime");
    }

    private static MemberJoined joined(String member) {
        return new MemberJoined(EVENT_ID, COMMUNITY, member, NOW, null);
    }

    @Test
    void foundingMakesTheFounderTheFirstMemberAndLeader() {
        fixture.givenNoPriorActivity()
                .when(new FoundCommunity(COMMUNITY, "alice", "Maintenance", "Less downtime"))
                .expectEvents(founded());
    }

    @Test
    void foundingWithANameOutsideThreeToHundredCharactersIsRejected() {
        fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", "ab", "p"))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", "x".repeat(101), "p"))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", null, "p"))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void foundingWithoutPurposeOrWithAnOverlongOneIsRejected() {
        fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", "Maintenance", " "))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", "Maintenance", "x".repeat(501)))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void foundingAcceptsTheLimitsThemselves() {
        String name = "x".repeat(100);
        String purpose = "p".repeat(500);
        fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", name, purpose))
                .expectEvents(new CommunityFounded(EVENT_ID, COMMUNITY, "alice", NOW, name, purpose));
    }

    @Test
    void aNewMemberJoinsWithOrWithoutAPurpose() {
        fixture.given(founded()).when(new JoinCommunity(COMMUNITY, "bob", null))
                .expectEvents(joined("bob"));
        fixture.given(founded()).when(new JoinCommunity(COMMUNITY, "bob", "Learn"))
                .expectEvents(new MemberJoined(EVENT_ID, COMMUNITY, "bob", NOW, "Learn"));
    }

    @Test
    void joiningTwiceIsAConflict() {
        fixture.given(founded(), joined("bob")).when(new JoinCommunity(COMMUNITY, "bob", null))
                .expectException(AlreadyAMember.class).expectNoEvents();
        fixture.given(founded()).when(new JoinCommunity(COMMUNITY, "alice", null))
                .expectException(AlreadyAMember.class).expectNoEvents();
    }

    @Test
    void joiningWithAnOverlongPurposeIsRejected() {
        fixture.given(founded()).when(new JoinCommunity(COMMUNITY, "bob", "x".repeat(501)))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void aMemberLeaves() {
        fixture.given(founded(), joined("bob")).when(new LeaveCommunity(COMMUNITY, "bob"))
                .expectEvents(new MemberLeft(EVENT_ID, COMMUNITY, "bob", NOW));
    }

    @Test
    void leavingWithoutBeingAMemberIsAConflict() {
        fixture.given(founded()).when(new LeaveCommunity(COMMUNITY, "bob"))
                .expectException(NotAMember.class).expectNoEvents();
        fixture.given(founded(), joined("bob"), new MemberLeft(EVENT_ID, COMMUNITY, "bob", NOW))
                .when(new LeaveCommunity(COMMUNITY, "bob"))
                .expectException(NotAMember.class).expectNoEvents();
    }

    @Test
    void aLeaderStatesTheCommunityPurpose() {
        fixture.given(founded()).when(new StateCommunityPurpose(COMMUNITY, "alice", "Zero downtime"))
                .expectEvents(new CommunityPurposeStated(EVENT_ID, COMMUNITY, "alice", NOW, "Zero downtime"));
    }

    @Test
    void onlyLeadersStateTheCommunityPurpose() {
        fixture.given(founded(), joined("bob")).when(new StateCommunityPurpose(COMMUNITY, "bob", "Mine now"))
                .expectException(LeadersOnly.class).expectNoEvents();
        fixture.given(founded()).when(new StateCommunityPurpose(COMMUNITY, "mallory", "Mine now"))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void aLeaderWhoLeftIsNoLongerALeader() {
        fixture.given(founded(), new MemberLeft(EVENT_ID, COMMUNITY, "alice", NOW))
                .when(new StateCommunityPurpose(COMMUNITY, "alice", "Back"))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void aLeaderWhoRejoinsIsAnOrdinaryMember() {
        fixture.given(founded(), new MemberLeft(EVENT_ID, COMMUNITY, "alice", NOW), joined("alice"))
                .when(new StateCommunityPurpose(COMMUNITY, "alice", "Back"))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void communityPurposeMustRespectTheLimits() {
        fixture.given(founded()).when(new StateCommunityPurpose(COMMUNITY, "alice", ""))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(founded()).when(new StateCommunityPurpose(COMMUNITY, "alice", "x".repeat(501)))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void aMemberStatesTheirPurpose() {
        fixture.given(founded(), joined("bob")).when(new StateMemberPurpose(COMMUNITY, "bob", "Learn pumps"))
                .expectEvents(new MemberPurposeStated(EVENT_ID, COMMUNITY, "bob", NOW, "Learn pumps"));
    }

    @Test
    void onlyMembersStateAMemberPurpose() {
        fixture.given(founded()).when(new StateMemberPurpose(COMMUNITY, "bob", "Learn pumps"))
                .expectException(MembersOnly.class).expectNoEvents();
    }

    @Test
    void memberPurposeMustRespectTheLimits() {
        fixture.given(founded(), joined("bob")).when(new StateMemberPurpose(COMMUNITY, "bob", null))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(founded(), joined("bob")).when(new StateMemberPurpose(COMMUNITY, "bob", "x".repeat(501)))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void aLeaderRecordsAnOutcomeWithTheDistinctAuthorsOfItsContributions() {
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved 3 hours", new BigDecimal("300.50"),
                        List.of(QUESTION, ANSWER, ANOTHER_ANSWER, ANSWER)))
                .expectEvents(new OutcomeRecorded(EVENT_ID, COMMUNITY, "alice", NOW, OUTCOME, "Saved 3 hours",
                        new BigDecimal("300.5"), List.of(QUESTION, ANSWER, ANOTHER_ANSWER), List.of("bob", "carol")));
    }

    @Test
    void outcomeValueHasAtMostSixDecimalPlacesAndIsStoredInItsShortestForm() {
        for (String value : List.of("0.0000001", "1.0000001", "1E-7", "1E-1000000000")) {
            fixture.given(founded())
                    .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", new BigDecimal(value), List.of()))
                    .expectException(InvalidInput.class).expectNoEvents();
        }
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", new BigDecimal("1E+6"), List.of()))
                .expectEvents(new OutcomeRecorded(EVENT_ID, COMMUNITY, "alice", NOW, OUTCOME, "Saved",
                        new BigDecimal("1000000"), List.of(), List.of()));
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", new BigDecimal("0.0000010"), List.of()))
                .expectEvents(new OutcomeRecorded(EVENT_ID, COMMUNITY, "alice", NOW, OUTCOME, "Saved",
                        new BigDecimal("0.000001"), List.of(), List.of()));
    }

    @Test
    void textsThatNoProjectionCouldStoreAreRejectedInEveryField() {
        for (String text : List.of("a\u0000b", "a\uD800b", "a\uFFFFb", "\uFEFFab", "a\u001Bb")) {
            fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", "Welding" + text, "p"))
                    .expectException(InvalidInput.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", "Welding", text))
                    .expectException(InvalidInput.class).expectNoEvents();
            fixture.given(founded()).when(new JoinCommunity(COMMUNITY, "bob", text))
                    .expectException(InvalidInput.class).expectNoEvents();
            fixture.given(founded()).when(new StateCommunityPurpose(COMMUNITY, "alice", text))
                    .expectException(InvalidInput.class).expectNoEvents();
            fixture.given(founded(), joined("bob")).when(new StateMemberPurpose(COMMUNITY, "bob", text))
                    .expectException(InvalidInput.class).expectNoEvents();
            fixture.given(founded()).when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, text, BigDecimal.ONE, List.of()))
                    .expectException(InvalidInput.class).expectNoEvents();
        }
        fixture.givenNoPriorActivity().when(new FoundCommunity(COMMUNITY, "alice", "Weld\ning", "p"))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void textsAreStoredNormalisedAndABlankJoiningPurposeIsNone() {
        fixture.givenNoPriorActivity()
                .when(new FoundCommunity(COMMUNITY, "alice", "  Maintenance\u00A0", "\r\nLess\r\ndowntime \n"))
                .expectEvents(new CommunityFounded(EVENT_ID, COMMUNITY, "alice", NOW, "Maintenance", "Less\ndowntime"));
        fixture.given(founded()).when(new JoinCommunity(COMMUNITY, "bob", " \n\t "))
                .expectEvents(joined("bob"));
    }

    @Test
    void anOutcomeMayLinkNoContribution() {
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Morale", BigDecimal.ONE, List.of()))
                .expectEvents(new OutcomeRecorded(EVENT_ID, COMMUNITY, "alice", NOW, OUTCOME, "Morale",
                        BigDecimal.ONE, List.of(), List.of()));
    }

    @Test
    void onlyLeadersRecordOutcomes() {
        fixture.given(founded(), joined("bob"))
                .when(new RecordOutcome(COMMUNITY, "bob", OUTCOME, "Mine", BigDecimal.TEN, List.of()))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void anOutcomeCannotLinkAContributionOfAnotherCommunityOrAnUnknownOne() {
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", BigDecimal.TEN, List.of(ELSEWHERE)))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", BigDecimal.TEN, List.of(UUID.randomUUID())))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    @Test
    void outcomeValueMustBePositiveAndAtMostAMillion() {
        for (String value : List.of("0", "-1", "1000000.01")) {
            fixture.given(founded())
                    .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", new BigDecimal(value), List.of()))
                    .expectException(InvalidInput.class).expectNoEvents();
        }
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", null, List.of()))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", new BigDecimal("1000000"), List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void outcomeDescriptionMustRespectTheLimits() {
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "", BigDecimal.TEN, List.of()))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "x".repeat(1001), BigDecimal.TEN, List.of()))
                .expectException(InvalidInput.class).expectNoEvents();
    }
}
