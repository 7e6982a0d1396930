package com.productivecommunity.analytics.figures;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.Decimals;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.engine.Verdict;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.InvalidMemberIdException;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.NotAllowedToReadException;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.UnsupportedBucketException;
import com.productivecommunity.analytics.figures.Views.CommunitySummaryView;
import com.productivecommunity.analytics.figures.Views.LedgerEntryView;
import com.productivecommunity.analytics.figures.Views.MemberFiguresView;
import com.productivecommunity.analytics.figures.Views.SegmentsView;
import com.productivecommunity.analytics.figures.Views.TimelinePoint;
import com.productivecommunity.analytics.figures.Views.TimelineView;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.analytics.model.ModelCatalog;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Problems;
import com.productivecommunity.support.web.UnknownCommunityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import com.productivecommunity.events.Text;
import com.productivecommunity.support.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/api.md's analytics reads. A member reads their own figures and ledger, and the summary and timeline of a
 * community they currently belong to; ANALYST and AUDITOR read everything; anyone else gets 403.
 * An unknown community or model is 404.
 */
@RestController
@RequestMapping("/api/analytics/communities/{communityId}")
class FiguresController {

    static final String MODEL_DOC = "Value model version (default: the promoted default version); an unknown or"
            + " retired version is 404, one still replaying 409";
    static final String AS_OF_DOC = "ISO-8601 instant (2026-03-04T12:00:00Z, or with an offset): the figures as they"
            + " stood then, summed from the ledger (entries of events that occurred at or before it); default now";

    private final FiguresRepository figures;
    private final ModelCatalog models;

    FiguresController(FiguresRepository figures, ModelCatalog models) {
        this.figures = figures;
        this.models = models;
    }

    @Operation(summary = "A member's contribution, benefit, balance and ratio (benefit ÷ contribution, null when"
            + " contribution is 0, to 16 significant digits) in a community")
    @GetMapping("/members/{memberId}")
    MemberFiguresView member(@PathVariable UUID communityId, @PathVariable String memberId,
                             @Parameter(description = MODEL_DOC) @RequestParam(required = false) String model,
                             @Parameter(description = AS_OF_DOC) @RequestParam(required = false) String asOf,
                             @Parameter(hidden = true) Member caller) {
        requireMemberId(memberId);
        Instant at = asOf(asOf);
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireSelfOrReader(caller, memberId);
        MemberFigures f = at == null ? figures.member(valueModel.name(), communityId, memberId)
                : figures.memberAsOf(valueModel.name(), communityId, memberId, at);
        return new MemberFiguresView(communityId, memberId, valueModel.name(), Decimals.exact(f.contribution()),
                Decimals.exact(f.benefit()), Decimals.exact(f.balance()),
                Decimals.ratio(f.benefit(), f.contribution()));
    }

    @Operation(summary = "A community's organization benefit, active members, share benefiting more (0 when no"
            + " member is active) and whether it is productive")
    @GetMapping
    CommunitySummaryView summary(@PathVariable UUID communityId,
                                 @Parameter(description = MODEL_DOC) @RequestParam(required = false) String model,
                                 @Parameter(description = AS_OF_DOC) @RequestParam(required = false) String asOf,
                                 @Parameter(hidden = true) Member caller) {
        Instant at = asOf(asOf);
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireMemberOrReader(caller, communityId);
        CommunityFigures f = at == null ? figures.community(valueModel.name(), communityId)
                : figures.communityAsOf(valueModel.name(), communityId, at);
        Verdict verdict = Verdict.of(f, valueModel.productiveShareThreshold());
        return new CommunitySummaryView(communityId, valueModel.name(), Decimals.exact(f.organizationBenefit()),
                f.activeMembers(), f.membersBenefitingMore(), verdict.shareBenefitingMore(), verdict.productive());
    }

    @Operation(summary = "The community's cumulative figures at the end of every bucket (day, week from Monday,"
            + " month; UTC), oldest first, from its first ledger entry to the bucket holding asOf (default now);"
            + " empty buckets carry the totals forward; start is the bucket's first instant. Another bucket is 400")
    @GetMapping("/timeline")
    TimelineView timeline(@PathVariable UUID communityId,
                          @RequestParam(defaultValue = "day") String bucket,
                          @Parameter(description = MODEL_DOC) @RequestParam(required = false) String model,
                          @Parameter(description = AS_OF_DOC) @RequestParam(required = false) String asOf,
                          @Parameter(hidden = true) Member caller) {
        if (!BUCKETS.contains(bucket)) {
            throw new UnsupportedBucketException(bucket);
        }
        Instant at = asOf(asOf);
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireMemberOrReader(caller, communityId);
        Instant now = Instant.now();
        // A timeline ends at asOf, or now: a later asOf shows what is there now (no event lies in the future).
        List<TimelinePoint> points = figures.timeline(valueModel.name(), communityId, bucket,
                at == null || at.isAfter(now) ? now : at, false).stream().map(point -> {
            CommunityFigures f = point.figures();
            Verdict verdict = Verdict.of(f, valueModel.productiveShareThreshold());
            return new TimelinePoint(point.start(),
                    Decimals.exact(f.contribution()), Decimals.exact(f.benefit()),
                    Decimals.exact(f.organizationBenefit()), f.activeMembers(), f.membersBenefitingMore(),
                    verdict.shareBenefitingMore(), verdict.productive());
        }).toList();
        return new TimelineView(communityId, valueModel.name(), bucket, points);
    }

    @Operation(summary = "The community's figures per people segment (leader, manager, employee, remote, production,"
            + " partner, customer; unknown where the directory said nothing): members, active members, contribution,"
            + " benefit, share benefiting more, and whether the segment benefits more than it brings. A person with"
            + " several segments counts in each")
    @GetMapping("/segments")
    SegmentsView segments(@PathVariable UUID communityId,
                          @Parameter(description = MODEL_DOC) @RequestParam(required = false) String model,
                          @Parameter(description = AS_OF_DOC) @RequestParam(required = false) String asOf,
                          @Parameter(hidden = true) Member caller) {
        Instant at = asOf(asOf);
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireMemberOrReader(caller, communityId);
        Map<String, List<String>> segments = new HashMap<>();
        figures.memberSegments(communityId, at).forEach(row -> segments.put(row.memberId(), row.segments()));
        Map<String, MemberFigures> people = new HashMap<>();
        segments.keySet().forEach(member -> people.put(member, MemberFigures.ZERO));
        figures.memberRows(List.of(valueModel.name()), communityId, at)
                .forEach(row -> people.put(row.memberId(), row.figures()));
        List<SegmentFigures.Person> persons = people.entrySet().stream()
                .map(e -> new SegmentFigures.Person(segments.getOrDefault(e.getKey(), List.of()), e.getValue()))
                .toList();
        return new SegmentsView(communityId, valueModel.name(), at, SegmentFigures.of(persons));
    }

    @Operation(summary = "Every ledger entry behind a member's figures in a community, in the order the events"
            + " were applied; organizationBenefit is set on the entry of the leader who recorded an outcome")
    @GetMapping("/members/{memberId}/ledger")
    List<LedgerEntryView> ledger(@PathVariable UUID communityId, @PathVariable String memberId,
                                 @Parameter(description = MODEL_DOC) @RequestParam(required = false) String model,
                                 @Parameter(description = AS_OF_DOC) @RequestParam(required = false) String asOf,
                                 @Parameter(hidden = true) Member caller) {
        requireMemberId(memberId);
        Instant at = asOf(asOf);
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireSelfOrReader(caller, memberId);
        return figures.ledger(valueModel.name(), communityId, memberId, at).stream()
                .map(e -> new LedgerEntryView(e.eventId(), e.eventType(), e.occurredAt(),
                        Decimals.exact(e.contribution()), Decimals.exact(e.benefit()),
                        Decimals.exact(e.organizationBenefit()), e.reason(), e.signal(), e.communityId(),
                        e.contributionId()))
                .toList();
    }

    /** Not somebody's id (a NUL, for one, would reach PostgreSQL and fail there): 400. */
    private static void requireMemberId(String memberId) {
        if (!Text.isValid(memberId, Text.MEMBER_ID)) {
            throw new InvalidMemberIdException(memberId);
        }
    }

    private ValueModel model(String name) {
        return models.readable(name);
    }

    static final List<String> BUCKETS = List.of("day", "week", "month");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** {@code asOf} as an instant: ISO-8601 with Z or an offset; anything else is a 400 naming it. */
    static Instant asOf(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "'asOf' must be an ISO-8601 instant such as"
                    + " 2026-03-04T12:00:00Z, got " + Problems.quote(text));
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidInputException("asOf", "'asOf' must lie in the years 1970 to 9999, got "
                    + Problems.quote(text));
        }
        return instant;
    }

    private void requireCommunity(UUID communityId) {
        if (!figures.communityExists(communityId)) {
            throw new UnknownCommunityException(communityId);
        }
    }

    private static boolean reader(Member caller) {
        return caller.isAnalyst() || caller.isAuditor();
    }

    private static void requireSelfOrReader(Member caller, String memberId) {
        if (!caller.id().equals(memberId) && !reader(caller)) {
            throw new NotAllowedToReadException("Only " + memberId + ", an analyst or an auditor may read "
                    + memberId + "'s figures");
        }
    }

    private void requireMemberOrReader(Member caller, UUID communityId) {
        if (!reader(caller) && !figures.isMember(communityId, caller.id(), caller.isExternal())) {
            throw new NotAllowedToReadException("Only members of the community, analysts and auditors may read"
                    + " its figures");
        }
    }
}
