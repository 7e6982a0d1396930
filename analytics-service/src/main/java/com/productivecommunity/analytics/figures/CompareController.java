package com.productivecommunity.analytics.figures;

import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.Decimals;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.engine.Verdict;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.NotAllowedToReadException;
import com.productivecommunity.analytics.figures.FiguresRepository.CommunityRow;
import com.productivecommunity.analytics.figures.FiguresRepository.MemberRow;
import com.productivecommunity.analytics.model.ModelCatalog;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Parameters;
import com.productivecommunity.support.web.Problems;
import com.productivecommunity.support.web.UnknownCommunityException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two model versions side by side: per member and per community, both figures, the difference (second minus
 * first) and whether the verdict flips, largest change first. One community, or the whole organization.
 * ANALYST and AUDITOR only.
 */
@RestController
class CompareController {

    record MemberSide(BigDecimal contribution, BigDecimal benefit, BigDecimal balance, boolean benefitingMore) {
    }

    record MemberDifference(BigDecimal contribution, BigDecimal benefit, BigDecimal balance) {
    }

    record MemberComparison(UUID communityId, String memberId, Map<String, MemberSide> figures,
                            MemberDifference difference, boolean verdictFlipped) {
    }

    record CommunitySide(BigDecimal organizationBenefit, int activeMembers, int membersBenefitingMore,
                         BigDecimal shareBenefitingMore, boolean productive) {
    }

    record CommunityDifference(BigDecimal organizationBenefit, int activeMembers, int membersBenefitingMore,
                               BigDecimal shareBenefitingMore) {
    }

    record CommunityComparison(UUID communityId, String name, Map<String, CommunitySide> figures,
                               CommunityDifference difference, boolean verdictFlipped) {
    }

    record Summary(int communities, int communitiesFlipped, int members, int membersFlipped, int membersShown) {
    }

    record Comparison(List<String> models, UUID communityId, Instant asOf, Summary summary,
                      List<CommunityComparison> communities, List<MemberComparison> members) {
    }

    private final FiguresRepository figures;
    private final ModelCatalog models;

    CompareController(FiguresRepository figures, ModelCatalog models) {
        this.figures = figures;
        this.models = models;
    }

    @Operation(summary = "Compare two model versions (ANALYST, AUDITOR): models=first,second; per community and"
            + " per member both versions' figures, difference = second − first, verdictFlipped when productive"
            + " (community) or benefit > contribution (member) differs; largest change first. Without community:"
            + " every community of the organization. limit: members shown (1–10000, default 200)")
    @GetMapping("/api/analytics/compare")
    Comparison compare(@Parameter(description = "two version names, comma-separated") @RequestParam(required = false)
                       String models,
                       @Parameter(description = "a community id; absent: the whole organization")
                       @RequestParam(required = false) UUID community,
                       @Parameter(description = FiguresController.AS_OF_DOC) @RequestParam(required = false) String asOf,
                       @RequestParam(required = false) String limit,
                       @Parameter(hidden = true) Member caller) {
        List<String> names = models == null ? List.of() : Arrays.stream(models.split(",", -1)).map(String::trim).toList();
        if (names.size() != 2 || names.get(0).isEmpty() || names.get(1).isEmpty() || names.get(0).equals(names.get(1))) {
            throw new InvalidInputException("models", "'models' must name two different versions, e.g."
                    + " models=v1,v2, got " + Problems.quote(models));
        }
        int shown = Parameters.integer("limit", limit, 1, 10_000, 200);
        Instant at = FiguresController.asOf(asOf);
        if (!caller.isAnalyst() && !caller.isAuditor()) {
            throw new NotAllowedToReadException("Only analysts and auditors compare model versions");
        }
        ValueModel first = this.models.readable(names.get(0));
        ValueModel second = this.models.readable(names.get(1));
        Map<UUID, String> communities = figures.communityNames(community);
        if (community != null && communities.isEmpty()) {
            throw new UnknownCommunityException(community);
        }
        List<String> pair = List.of(first.name(), second.name());

        Map<List<Object>, MemberFigures[]> members = new LinkedHashMap<>();
        for (MemberRow row : figures.memberRows(pair, community, at)) {
            members.computeIfAbsent(List.of(row.communityId(), row.memberId()), k -> new MemberFigures[] {
                MemberFigures.ZERO, MemberFigures.ZERO})[row.model().equals(first.name()) ? 0 : 1] = row.figures();
        }
        Map<UUID, BigDecimal[]> organization = new HashMap<>();
        for (CommunityRow row : figures.organizationBenefits(pair, community, at)) {
            organization.computeIfAbsent(row.communityId(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})
                    [row.model().equals(first.name()) ? 0 : 1] = row.organizationBenefit();
        }

        Map<UUID, List<MemberFigures>[]> byCommunity = new HashMap<>();
        List<MemberComparison> memberComparisons = new ArrayList<>();
        members.forEach((key, both) -> {
            UUID communityId = (UUID) key.get(0);
            @SuppressWarnings("unchecked")
            List<MemberFigures>[] lists = byCommunity.computeIfAbsent(communityId, k -> new List[] {
                new ArrayList<MemberFigures>(), new ArrayList<MemberFigures>()});
            lists[0].add(both[0]);
            lists[1].add(both[1]);
            if (!both[0].active() && !both[1].active()) {
                return;
            }
            Map<String, MemberSide> sides = new LinkedHashMap<>();
            sides.put(first.name(), side(both[0]));
            sides.put(second.name(), side(both[1]));
            memberComparisons.add(new MemberComparison(communityId, (String) key.get(1), sides,
                    new MemberDifference(Decimals.exact(both[1].contribution().subtract(both[0].contribution())),
                            Decimals.exact(both[1].benefit().subtract(both[0].benefit())),
                            Decimals.exact(both[1].balance().subtract(both[0].balance()))),
                    both[0].benefitingMore() != both[1].benefitingMore()));
        });
        memberComparisons.sort(Comparator.comparing((MemberComparison m) -> m.difference().balance().abs()).reversed()
                .thenComparing(m -> !m.verdictFlipped())
                .thenComparing(m -> m.difference().benefit().abs(), Comparator.reverseOrder())
                .thenComparing(m -> m.communityId().toString()).thenComparing(MemberComparison::memberId));

        List<CommunityComparison> communityComparisons = new ArrayList<>();
        communities.forEach((communityId, name) -> {
            @SuppressWarnings("unchecked")
            List<MemberFigures>[] lists = byCommunity.getOrDefault(communityId, new List[] {List.of(), List.of()});
            BigDecimal[] org = organization.getOrDefault(communityId, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            CommunitySide a = side(CommunityFigures.of(lists[0], org[0]), first);
            CommunitySide b = side(CommunityFigures.of(lists[1], org[1]), second);
            Map<String, CommunitySide> sides = new LinkedHashMap<>();
            sides.put(first.name(), a);
            sides.put(second.name(), b);
            communityComparisons.add(new CommunityComparison(communityId, name, sides, new CommunityDifference(
                    Decimals.exact(b.organizationBenefit().subtract(a.organizationBenefit())),
                    b.activeMembers() - a.activeMembers(), b.membersBenefitingMore() - a.membersBenefitingMore(),
                    Decimals.exact(b.shareBenefitingMore().subtract(a.shareBenefitingMore()))),
                    a.productive() != b.productive()));
        });
        communityComparisons.sort(Comparator.comparing((CommunityComparison c) -> !c.verdictFlipped())
                .thenComparing(c -> c.difference().shareBenefitingMore().abs(), Comparator.reverseOrder())
                .thenComparing(c -> c.difference().organizationBenefit().abs(), Comparator.reverseOrder())
                .thenComparing(c -> Math.abs(c.difference().membersBenefitingMore()), Comparator.reverseOrder())
                .thenComparing(c -> c.communityId().toString()));

        Summary summary = new Summary(communityComparisons.size(),
                (int) communityComparisons.stream().filter(CommunityComparison::verdictFlipped).count(),
                memberComparisons.size(), (int) memberComparisons.stream().filter(MemberComparison::verdictFlipped).count(),
                Math.min(shown, memberComparisons.size()));
        return new Comparison(pair, community, at, summary, communityComparisons,
                memberComparisons.subList(0, Math.min(shown, memberComparisons.size())));
    }

    private static MemberSide side(MemberFigures f) {
        return new MemberSide(Decimals.exact(f.contribution()), Decimals.exact(f.benefit()), Decimals.exact(f.balance()),
                f.benefitingMore());
    }

    private static CommunitySide side(CommunityFigures f, ValueModel model) {
        Verdict verdict = Verdict.of(f, model.productiveShareThreshold());
        return new CommunitySide(Decimals.exact(f.organizationBenefit()), f.activeMembers(), f.membersBenefitingMore(),
                verdict.shareBenefitingMore(), verdict.productive());
    }
}
