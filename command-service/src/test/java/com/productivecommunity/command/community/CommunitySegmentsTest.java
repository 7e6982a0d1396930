package com.productivecommunity.command.community;

import static com.productivecommunity.command.rules.FixedStamps.EVENT_ID;
import static com.productivecommunity.command.rules.FixedStamps.NOW;

import com.productivecommunity.command.community.CommunityCommands.FoundCommunity;
import com.productivecommunity.command.community.CommunityCommands.JoinCommunity;
import com.productivecommunity.command.community.CommunityCommands.LeaveCommunity;
import com.productivecommunity.command.community.CommunityCommands.RecordOutcome;
import com.productivecommunity.command.community.CommunityCommands.StateCommunityPurpose;
import com.productivecommunity.command.community.CommunityCommands.StateMemberPurpose;
import com.productivecommunity.command.community.CommunityRejections.StaffFoundCommunities;
import com.productivecommunity.command.community.CommunityRejections.StaffOnly;
import com.productivecommunity.command.rules.FixedStamps;
import com.productivecommunity.command.rules.InMemoryLookup;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.OutcomeRecorded;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The community's rules about who people are in the organization: segments, and partners and customers. */
class CommunitySegmentsTest {

    private static final UUID COMMUNITY = UUID.fromString("5c1e7a52-7a55-4c1b-bb3e-2a0e7f6f0e11");
    private static final UUID OUTCOME = UUID.fromString("0c000000-0000-0000-0000-000000000001");

    private FixtureConfiguration<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
        fixture.registerInjectableResource(new FixedStamps());
        fixture.registerInjectableResource(new InMemoryLookup());
    }

    private static CommunityFounded staffOnly() {
        return new CommunityFounded(EVENT_ID, COMMUNITY, "carol", NOW, "Maintenance", "Less downtime",
                List.of("leader", "manager", "employee"), false);
    }

    private static CommunityFounded openToExternal() {
        return new CommunityFounded(EVENT_ID, COMMUNITY, "carol", NOW, "Suppliers", "Fewer late parts",
                List.of("leader"), true);
    }

    @Test
    void theFoundersSegmentsAndTheSettingAreRecordedNormalised() {
        fixture.givenNoPriorActivity()
                .when(new FoundCommunity(COMMUNITY, "carol", "Suppliers", "Fewer late parts",
                        Set.of("LEADER", "astronaut"), true))
                .expectEvents(openToExternal());
    }

    @Test
    void aMemberJoinsAsTheDirectorySaysTheyAre() {
        fixture.given(staffOnly())
                .when(new JoinCommunity(COMMUNITY, "bob", null, Set.of("remote", "employee")))
                .expectEvents(new MemberJoined(EVENT_ID, COMMUNITY, "bob", NOW, null, List.of("employee", "remote")));
    }

    @Test
    void partnersAndCustomersJoinOnlyACommunityOpenedToThem() {
        fixture.given(staffOnly()).when(new JoinCommunity(COMMUNITY, "pia", null, Set.of("partner")))
                .expectException(StaffOnly.class).expectNoEvents();
        fixture.given(staffOnly()).when(new JoinCommunity(COMMUNITY, "cole", null, Set.of("customer")))
                .expectException(StaffOnly.class).expectNoEvents();
        fixture.given(openToExternal()).when(new JoinCommunity(COMMUNITY, "pia", "Sell more", Set.of("partner")))
                .expectEvents(new MemberJoined(EVENT_ID, COMMUNITY, "pia", NOW, "Sell more", List.of("partner")));
    }

    @Test
    void aPartnerWhoIsAlsoStaffIsStaff() {
        fixture.given(staffOnly()).when(new JoinCommunity(COMMUNITY, "ola", null, Set.of("partner", "employee")))
                .expectEvents(new MemberJoined(EVENT_ID, COMMUNITY, "ola", NOW, null, List.of("employee", "partner")));
    }

    @Test
    void partnersAndCustomersFoundNoCommunity() {
        fixture.givenNoPriorActivity()
                .when(new FoundCommunity(COMMUNITY, "pia", "Partners", "Partner things", Set.of("partner"), true))
                .expectException(StaffFoundCommunities.class).expectNoEvents();
    }

    @Test
    void changedSegmentsAreRecordedBeforeTheMembersNextAct() {
        MemberJoined bob = new MemberJoined(EVENT_ID, COMMUNITY, "bob", NOW, null, List.of("employee"));
        fixture.given(staffOnly(), bob)
                .when(new StateMemberPurpose(COMMUNITY, "bob", "Learn", Set.of("employee", "remote")))
                .expectEvents(new MemberSegmentsChanged(EVENT_ID, COMMUNITY, "bob", NOW, List.of("employee", "remote")),
                        new MemberPurposeStated(EVENT_ID, COMMUNITY, "bob", NOW, "Learn"));
        fixture.given(staffOnly())
                .when(new StateCommunityPurpose(COMMUNITY, "carol", "Zero downtime", Set.of("manager")))
                .expectEvents(new MemberSegmentsChanged(EVENT_ID, COMMUNITY, "carol", NOW, List.of("manager")),
                        new CommunityPurposeStated(EVENT_ID, COMMUNITY, "carol", NOW, "Zero downtime"));
        fixture.given(staffOnly())
                .when(new RecordOutcome(COMMUNITY, "carol", OUTCOME, "Saved a day", BigDecimal.TEN, List.of(),
                        Set.of("leader")))
                .expectEvents(new MemberSegmentsChanged(EVENT_ID, COMMUNITY, "carol", NOW, List.of("leader")),
                        new OutcomeRecorded(EVENT_ID, COMMUNITY, "carol", NOW, OUTCOME, "Saved a day", BigDecimal.TEN,
                                List.of(), List.of()));
    }

    @Test
    void unchangedOrUnknownSegmentsRecordNothingMore() {
        MemberJoined bob = new MemberJoined(EVENT_ID, COMMUNITY, "bob", NOW, null, List.of("employee", "remote"));
        fixture.given(staffOnly(), bob)
                .when(new StateMemberPurpose(COMMUNITY, "bob", "Learn", Set.of("remote", "employee")))
                .expectEvents(new MemberPurposeStated(EVENT_ID, COMMUNITY, "bob", NOW, "Learn"));
        fixture.given(staffOnly(), bob)
                .when(new StateMemberPurpose(COMMUNITY, "bob", "Learn", Set.of()))
                .expectEvents(new MemberPurposeStated(EVENT_ID, COMMUNITY, "bob", NOW, "Learn"));
        fixture.given(staffOnly(), bob)
                .when(new StateMemberPurpose(COMMUNITY, "bob", "Learn"))
                .expectEvents(new MemberPurposeStated(EVENT_ID, COMMUNITY, "bob", NOW, "Learn"));
    }

    @Test
    void aSegmentChangeRecordedEarlierIsWhatTheNextActIsComparedWith() {
        fixture.given(staffOnly(), new MemberJoined(EVENT_ID, COMMUNITY, "bob", NOW, null, List.of("employee")),
                        new MemberSegmentsChanged(EVENT_ID, COMMUNITY, "bob", NOW, List.of("production")))
                .when(new StateMemberPurpose(COMMUNITY, "bob", "Learn", Set.of("production")))
                .expectEvents(new MemberPurposeStated(EVENT_ID, COMMUNITY, "bob", NOW, "Learn"));
    }

    @Test
    void aMemberWhoLeftAndRejoinsJoinsAsTheyAreNow() {
        fixture.given(staffOnly(), new MemberJoined(EVENT_ID, COMMUNITY, "bob", NOW, null, List.of("employee")),
                        new MemberLeft(EVENT_ID, COMMUNITY, "bob", NOW))
                .when(new JoinCommunity(COMMUNITY, "bob", null, Set.of("remote")))
                .expectEvents(new MemberJoined(EVENT_ID, COMMUNITY, "bob", NOW, null, List.of("remote")));
    }

    @Test
    void aCommunityFoundedBeforeSegmentsIsForTheStaff() {
        // A v1 CommunityFounded upcast: no founder segments, not open to partners and customers.
        fixture.given(new CommunityFounded(EVENT_ID, COMMUNITY, "carol", NOW, "Maintenance", "Less downtime"))
                .when(new JoinCommunity(COMMUNITY, "pia", null, Set.of("partner")))
                .expectException(StaffOnly.class).expectNoEvents();
    }

    @Test
    void leavingIsUnaffectedBySegments() {
        fixture.given(openToExternal(), new MemberJoined(EVENT_ID, COMMUNITY, "pia", NOW, null, List.of("partner")))
                .when(new LeaveCommunity(COMMUNITY, "pia"))
                .expectEvents(new MemberLeft(EVENT_ID, COMMUNITY, "pia", NOW));
    }
}
