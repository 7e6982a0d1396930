package com.productivecommunity.analytics.figures;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.Decimals;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.engine.Verdict;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.InvalidMemberIdException;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.NotAllowedToReadException;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.UnknownCommunityException;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.UnknownModelException;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.UnsupportedBucketException;
import com.productivecommunity.analytics.figures.Views.CommunitySummaryView;
import com.productivecommunity.analytics.figures.Views.LedgerEntryView;
import com.productivecommunity.analytics.figures.Views.MemberFiguresView;
import com.productivecommunity.analytics.figures.Views.TimelinePoint;
import com.productivecommunity.analytics.figures.Views.TimelineView;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.analytics.model.ValueModels;
import com.productivecommunity.events.Text;
import com.productivecommunity.support.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * api.md's analytics reads. A member reads their own figures and ledger, and the summary and timeline of a
 * community they currently belong to; ANALYST and AUDITOR read everything; anyone else gets 403.
 * An unknown community or model is 404.
 */
@RestController
@RequestMapping("/api/analytics/communities/{communityId}")
class FiguresController {

    private static final String MODEL_DOC = "Value model version (default v1); a model this service does not apply is 404";

    private final FiguresRepository figures;
    private final ValueModels models;

    FiguresController(FiguresRepository figures, ValueModels models) {
        this.figures = figures;
        this.models = models;
    }

    @Operation(summary = "A member's contribution, benefit, balance and ratio (benefit ÷ contribution, null when"
            + " contribution is 0, to 16 significant digits) in a community")
    @GetMapping("/members/{memberId}")
    MemberFiguresView member(@PathVariable UUID communityId, @PathVariable String memberId,
                             @Parameter(description = MODEL_DOC) @RequestParam(defaultValue = "v1") String model,
                             @Parameter(hidden = true) Member caller) {
        requireMemberId(memberId);
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireSelfOrReader(caller, memberId);
        MemberFigures f = figures.member(valueModel.name(), communityId, memberId);
        return new MemberFiguresView(communityId, memberId, valueModel.name(), Decimals.exact(f.contribution()),
                Decimals.exact(f.benefit()), Decimals.exact(f.balance()),
                Decimals.ratio(f.benefit(), f.contribution()));
    }

    @Operation(summary = "A community's organization benefit, active members, share benefiting more (0 when no"
            + " member is active) and whether it is productive")
    @GetMapping
    CommunitySummaryView summary(@PathVariable UUID communityId,
                                 @Parameter(description = MODEL_DOC) @RequestParam(defaultValue = "v1") String model,
                                 @Parameter(hidden = true) Member caller) {
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireMemberOrReader(caller, communityId);
        CommunityFigures f = figures.community(valueModel.name(), communityId);
        Verdict verdict = Verdict.of(f, valueModel.productiveShareThreshold());
        return new CommunitySummaryView(communityId, valueModel.name(), Decimals.exact(f.organizationBenefit()),
                f.activeMembers(), f.membersBenefitingMore(), verdict.shareBenefitingMore(), verdict.productive());
    }

    @Operation(summary = "The community's cumulative figures at the end of each UTC day that had events, oldest"
            + " first; start is the day's first instant (ISO-8601, UTC). Only bucket=day is supported (else 400)")
    @GetMapping("/timeline")
    TimelineView timeline(@PathVariable UUID communityId,
                          @RequestParam(defaultValue = "day") String bucket,
                          @Parameter(description = MODEL_DOC) @RequestParam(defaultValue = "v1") String model,
                          @Parameter(hidden = true) Member caller) {
        if (!"day".equals(bucket)) {
            throw new UnsupportedBucketException(bucket);
        }
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireMemberOrReader(caller, communityId);
        List<TimelinePoint> points = figures.days(valueModel.name(), communityId).stream().map(day -> {
            CommunityFigures f = day.figures();
            Verdict verdict = Verdict.of(f, valueModel.productiveShareThreshold());
            return new TimelinePoint(day.day().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    Decimals.exact(f.contribution()), Decimals.exact(f.benefit()),
                    Decimals.exact(f.organizationBenefit()), f.activeMembers(), f.membersBenefitingMore(),
                    verdict.shareBenefitingMore(), verdict.productive());
        }).toList();
        return new TimelineView(communityId, valueModel.name(), bucket, points);
    }

    @Operation(summary = "Every ledger entry behind a member's figures in a community, in the order the events"
            + " were applied; organizationBenefit is set on the entry of the leader who recorded an outcome")
    @GetMapping("/members/{memberId}/ledger")
    List<LedgerEntryView> ledger(@PathVariable UUID communityId, @PathVariable String memberId,
                                 @Parameter(description = MODEL_DOC) @RequestParam(defaultValue = "v1") String model,
                                 @Parameter(hidden = true) Member caller) {
        requireMemberId(memberId);
        ValueModel valueModel = model(model);
        requireCommunity(communityId);
        requireSelfOrReader(caller, memberId);
        return figures.ledger(valueModel.name(), communityId, memberId).stream()
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
        return models.find(name).orElseThrow(() -> new UnknownModelException(name));
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
        if (!reader(caller) && !figures.isMember(communityId, caller.id())) {
            throw new NotAllowedToReadException("Only members of the community, analysts and auditors may read"
                    + " its figures");
        }
    }
}
