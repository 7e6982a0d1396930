package com.productivecommunity.analytics.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON bodies of docs/api.md's analytics reads. Decimals are exact: 8.7, never 8.70 or 8.699999. */
final class Views {

    private Views() {
    }

    record MemberFiguresView(UUID communityId, String memberId, String model, BigDecimal contribution,
                             BigDecimal benefit, BigDecimal balance, BigDecimal ratio) {
    }

    record CommunitySummaryView(UUID communityId, String model, BigDecimal organizationBenefit, int activeMembers,
                                int membersBenefitingMore, BigDecimal shareBenefitingMore, boolean productive) {
    }

    record TimelineView(UUID communityId, String model, String bucket, List<TimelinePoint> points) {
    }

    /** A community's cumulative figures at the end of the bucket that starts at {@code start}. */
    record TimelinePoint(Instant start, BigDecimal contribution, BigDecimal benefit, BigDecimal organizationBenefit,
                         int activeMembers, int membersBenefitingMore, BigDecimal shareBenefitingMore,
                         boolean productive) {
    }

    /** One point awarded; {@code signal} names the model's weight, {@code reason} says it in words. */
    record LedgerEntryView(UUID eventId, String eventType, Instant occurredAt, BigDecimal contribution,
                           BigDecimal benefit, BigDecimal organizationBenefit, String reason, String signal,
                           UUID communityId, UUID contributionId) {
    }

    /** Figures per people segment in one community ({@code communityId}) or the organization (null). */
    record SegmentsView(UUID communityId, String model, Instant asOf, List<SegmentFigures.Row> segments) {
    }
}
