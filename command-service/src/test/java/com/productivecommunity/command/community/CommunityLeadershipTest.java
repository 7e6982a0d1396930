package com.productivecommunity.command.community;

import static com.productivecommunity.command.rules.FixedStamps.EVENT_ID;
import static com.productivecommunity.command.rules.FixedStamps.NOW;

import com.productivecommunity.command.community.CommunityCommands.JoinCommunity;
import com.productivecommunity.command.community.CommunityCommands.LeaveCommunity;
import com.productivecommunity.command.community.CommunityCommands.NameLeader;
import com.productivecommunity.command.community.CommunityCommands.RecordOutcome;
import com.productivecommunity.command.community.CommunityCommands.RemoveLeader;
import com.productivecommunity.command.community.CommunityCommands.RemoveMember;
import com.productivecommunity.command.community.CommunityCommands.StateCommunityPurpose;
import com.productivecommunity.command.community.CommunityRejections.LastLeader;
import com.productivecommunity.command.community.CommunityRejections.LeadersOnly;
import com.productivecommunity.command.community.CommunityRejections.NotALeader;
import com.productivecommunity.command.community.CommunityRejections.NotAMember;
import com.productivecommunity.command.community.CommunityRejections.RemovingOneself;
import com.productivecommunity.command.community.CommunityRejections.WithdrawnContribution;
import com.productivecommunity.command.rules.FixedStamps;
import com.productivecommunity.command.rules.InMemoryLookup;
import com.productivecommunity.command.rules.InvalidInput;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.LeaderRemoved;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberRemoved;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17, leadership: leaders name and remove leaders and remove members; leadership is never stranded. */
class CommunityLeadershipTest {

    private static final UUID COMMUNITY = UUID.fromString("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11");
    private static final UUID OUTCOME = UUID.fromString("0c000000-0000-0000-0000-000000000001");
    private static final UUID RETRACTED = UUID.fromString("0b000000-0000-0000-0000-000000000007");

    private FixtureConfiguration<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
        fixture.registerInjectableResource(new FixedStamps());
        fixture.registerInjectableResource(new InMemoryLookup()
                .contribution(RETRACTED, COMMUNITY, ContributionKind.POST, "bob", null, true));
    }

    private static CommunityFounded founded() {
        return new CommunityFounded(EVENT_ID, COMMUNITY, "alice", NOW, "Maintenance", "Less downtime");
    }

    private static MemberJoined joined(String member) {
        return new MemberJoined(EVENT_ID, COMMUNITY, member, NOW, null);
    }

    private static MemberLeft left(String member) {
        return new MemberLeft(EVENT_ID, COMMUNITY, member, NOW);
    }

    private static LeaderNamed named(String by, String member) {
        return new LeaderNamed(EVENT_ID, COMMUNITY, by, NOW, member, LeaderNamed.Reason.NAMED);
    }

    private static LeaderNamed succession(String actor, String member) {
        return new LeaderNamed(EVENT_ID, COMMUNITY, actor, NOW, member, LeaderNamed.Reason.SUCCESSION);
    }

    // --- naming leaders

    @Test
    void aLeaderNamesAMemberLeader() {
        fixture.given(founded(), joined("bob")).when(new NameLeader(COMMUNITY, "alice", "bob"))
                .expectEvents(named("alice", "bob"));
    }

    @Test
    void aNamedLeaderHasTheLeadersRights() {
        fixture.given(founded(), joined("bob"), named("alice", "bob"))
                .when(new StateCommunityPurpose(COMMUNITY, "bob", "Zero downtime"))
                .expectEvents(new CommunityPurposeStated(EVENT_ID, COMMUNITY, "bob", NOW, "Zero downtime"));
    }

    @Test
    void onlyLeadersNameLeaders() {
        fixture.given(founded(), joined("bob"), joined("carol")).when(new NameLeader(COMMUNITY, "bob", "carol"))
                .expectException(LeadersOnly.class).expectNoEvents();
        fixture.given(founded(), joined("bob")).when(new NameLeader(COMMUNITY, "bob", "bob"))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void theNamedLeaderMustBeAMember() {
        fixture.given(founded()).when(new NameLeader(COMMUNITY, "alice", "mallory"))
                .expectException(NotAMember.class).expectNoEvents();
        fixture.given(founded(), joined("bob"), left("bob")).when(new NameLeader(COMMUNITY, "alice", "bob"))
                .expectException(NotAMember.class).expectNoEvents();
    }

    @Test
    void namingALeaderAgainChangesNothing() {
        fixture.given(founded(), joined("bob"), named("alice", "bob")).when(new NameLeader(COMMUNITY, "alice", "bob"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(founded()).when(new NameLeader(COMMUNITY, "alice", "alice"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theNamedMemberIdFollowsTheIdentifierRule() {
        fixture.given(founded()).when(new NameLeader(COMMUNITY, "alice", null))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(founded()).when(new NameLeader(COMMUNITY, "alice", " bob"))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    // --- removing leaders

    @Test
    void aLeaderRemovesAnotherLeaderWhoStaysAMember() {
        fixture.given(founded(), joined("bob"), named("alice", "bob")).when(new RemoveLeader(COMMUNITY, "alice", "bob"))
                .expectEvents(new LeaderRemoved(EVENT_ID, COMMUNITY, "alice", NOW, "bob"));
        fixture.given(founded(), joined("bob"), named("alice", "bob"),
                        new LeaderRemoved(EVENT_ID, COMMUNITY, "alice", NOW, "bob"))
                .when(new StateCommunityPurpose(COMMUNITY, "bob", "Mine"))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void aLeaderStepsDownWhenAnotherLeaderRemains() {
        fixture.given(founded(), joined("bob"), named("alice", "bob")).when(new RemoveLeader(COMMUNITY, "alice", "alice"))
                .expectEvents(new LeaderRemoved(EVENT_ID, COMMUNITY, "alice", NOW, "alice"));
    }

    @Test
    void theOnlyLeaderCannotStepDown() {
        fixture.given(founded(), joined("bob")).when(new RemoveLeader(COMMUNITY, "alice", "alice"))
                .expectException(LastLeader.class).expectNoEvents();
    }

    @Test
    void onlyLeadersRemoveLeaders() {
        fixture.given(founded(), joined("bob")).when(new RemoveLeader(COMMUNITY, "bob", "alice"))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void removingAMemberWhoIsNoLeaderIsAConflict() {
        fixture.given(founded(), joined("bob")).when(new RemoveLeader(COMMUNITY, "alice", "bob"))
                .expectException(NotALeader.class).expectNoEvents();
    }

    // --- succession

    @Test
    void whenTheLastLeaderLeavesTheLongestStandingMemberLeads() {
        fixture.given(founded(), joined("bob"), joined("carol")).when(new LeaveCommunity(COMMUNITY, "alice"))
                .expectEvents(left("alice"), succession("alice", "bob"));
    }

    @Test
    void seniorityCountsFromTheLastJoin() {
        fixture.given(founded(), joined("bob"), joined("carol"), left("bob"), joined("bob"))
                .when(new LeaveCommunity(COMMUNITY, "alice"))
                .expectEvents(left("alice"), succession("alice", "carol"));
    }

    @Test
    void successionPrefersTheLongestStandingMemberOfTheStaffOverAPartnerOrCustomer() {
        CommunityFounded open = new CommunityFounded(EVENT_ID, COMMUNITY, "alice", NOW, "Suppliers", "Fewer late parts",
                List.of("leader"), true);
        MemberJoined partner = new MemberJoined(EVENT_ID, COMMUNITY, "pia", NOW, null, List.of("partner"));
        MemberJoined customer = new MemberJoined(EVENT_ID, COMMUNITY, "cole", NOW, null, List.of("customer"));
        fixture.given(open, partner, joined("bob")).when(new LeaveCommunity(COMMUNITY, "alice"))
                .expectEvents(left("alice"), succession("alice", "bob"));
        // only external members remain: the longest-standing of them leads
        fixture.given(open, partner, customer).when(new LeaveCommunity(COMMUNITY, "alice"))
                .expectEvents(left("alice"), succession("alice", "pia"));
    }

    @Test
    void aLeaderLeavingWhileAnotherLeadsPassesNothing() {
        fixture.given(founded(), joined("bob"), joined("carol"), named("alice", "carol"))
                .when(new LeaveCommunity(COMMUNITY, "alice"))
                .expectEvents(left("alice"));
    }

    @Test
    void theLastMemberLeavingLeavesAnEmptyCommunityWhoseNextMemberLeads() {
        fixture.given(founded()).when(new LeaveCommunity(COMMUNITY, "alice")).expectEvents(left("alice"));
        fixture.given(founded(), left("alice")).when(new JoinCommunity(COMMUNITY, "bob", null))
                .expectEvents(joined("bob"), succession("bob", "bob"));
    }

    @Test
    void aSuccessorHasTheLeadersRights() {
        fixture.given(founded(), joined("bob"), left("alice"), succession("alice", "bob"))
                .when(new RecordOutcome(COMMUNITY, "bob", OUTCOME, "Saved", BigDecimal.ONE, List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aJoinToACommunityStrandedBeforeSuccessionExistedPassesLeadershipToItsLongestStandingMember() {
        // history written before this version: the founder left and nobody was named
        fixture.given(founded(), joined("bob"), left("alice")).when(new JoinCommunity(COMMUNITY, "carol", null))
                .expectEvents(joined("carol"), succession("carol", "bob"));
    }

    // --- removing members

    @Test
    void aLeaderRemovesAMemberWithAReason() {
        fixture.given(founded(), joined("bob")).when(new RemoveMember(COMMUNITY, "alice", "bob", "Spam, twice"))
                .expectEvents(new MemberRemoved(EVENT_ID, COMMUNITY, "alice", NOW, "bob", "Spam, twice"));
    }

    @Test
    void aRemovedLeaderIsNeitherMemberNorLeaderAndMayRejoinAsAMember() {
        fixture.given(founded(), joined("bob"), named("alice", "bob"),
                        new MemberRemoved(EVENT_ID, COMMUNITY, "alice", NOW, "bob", "Spam"))
                .when(new StateCommunityPurpose(COMMUNITY, "bob", "Mine"))
                .expectException(LeadersOnly.class).expectNoEvents();
        fixture.given(founded(), joined("bob"), new MemberRemoved(EVENT_ID, COMMUNITY, "alice", NOW, "bob", "Spam"))
                .when(new JoinCommunity(COMMUNITY, "bob", null))
                .expectEvents(joined("bob"));
    }

    @Test
    void onlyLeadersRemoveMembers() {
        fixture.given(founded(), joined("bob"), joined("carol")).when(new RemoveMember(COMMUNITY, "bob", "carol", "No"))
                .expectException(LeadersOnly.class).expectNoEvents();
    }

    @Test
    void removingSomebodyWhoIsNoMemberIsAConflict() {
        fixture.given(founded()).when(new RemoveMember(COMMUNITY, "alice", "bob", "Spam"))
                .expectException(NotAMember.class).expectNoEvents();
    }

    @Test
    void aLeaderCannotRemoveThemselves() {
        fixture.given(founded(), joined("bob")).when(new RemoveMember(COMMUNITY, "alice", "alice", "Bye"))
                .expectException(RemovingOneself.class).expectNoEvents();
    }

    @Test
    void aRemovalNeedsAReasonWithinTheLimits() {
        fixture.given(founded(), joined("bob")).when(new RemoveMember(COMMUNITY, "alice", "bob", null))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(founded(), joined("bob")).when(new RemoveMember(COMMUNITY, "alice", "bob", " "))
                .expectException(InvalidInput.class).expectNoEvents();
        fixture.given(founded(), joined("bob")).when(new RemoveMember(COMMUNITY, "alice", "bob", "x".repeat(501)))
                .expectException(InvalidInput.class).expectNoEvents();
    }

    // --- outcomes

    @Test
    void anOutcomeCannotCreditARetractedOrHiddenContribution() {
        fixture.given(founded())
                .when(new RecordOutcome(COMMUNITY, "alice", OUTCOME, "Saved", BigDecimal.ONE, List.of(RETRACTED)))
                .expectException(WithdrawnContribution.class).expectNoEvents();
    }
}
