package com.productivecommunity.analytics.trail;

import com.productivecommunity.analytics.model.ModelCatalog;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.ForbiddenException;
import com.productivecommunity.support.web.NotFoundException;
import com.productivecommunity.support.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/analytics/communities/{id}/trail}: every event that changed a figure of the community, with the
 * figures before and after. Read as the summary is: members of the community, ANALYST and AUDITOR; the member
 * changes of other members only for ANALYST and AUDITOR (a member sees their own).
 */
@RestController
class TrailController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    record TrailPage(UUID communityId, String model, Instant asOf, Instant from, String figure,
                     List<TrailEvent> items, String next) {
    }

    private final Trails trails;
    private final TrailRepository ledger;
    private final ModelCatalog models;

    TrailController(Trails trails, TrailRepository ledger, ModelCatalog models) {
        this.trails = trails;
        this.ledger = ledger;
        this.models = models;
    }

    @Operation(summary = "The community's trail: every event that changed one of its figures (organizationBenefit,"
            + " activeMembers, membersBenefitingMore, shareBenefitingMore, productive), oldest first, each with the"
            + " figures before and after, verdictFlipped when productive changed, and the members' own figures"
            + " before and after. asOf is the upper bound (the summary read's asOf), from the lower; figure=verdict"
            + " (or a figure's name) keeps only the events that changed it; keyset paging with after=next, limit"
            + " 1-1000 (default 100)")
    @GetMapping("/api/analytics/communities/{communityId}/trail")
    TrailPage trail(@PathVariable UUID communityId,
                    @Parameter(description = "Value model version (default: the default version)")
                    @RequestParam(required = false) String model,
                    @Parameter(description = "ISO-8601 instant: only events that occurred at or before it")
                    @RequestParam(required = false) String asOf,
                    @Parameter(description = "ISO-8601 instant: only changes by events that occurred at or after it")
                    @RequestParam(required = false) String from,
                    @Parameter(description = "verdict, or one of the figures' names") @RequestParam(required = false)
                    String figure,
                    @Parameter(description = "the 'next' of the previous page") @RequestParam(required = false)
                    String after,
                    @RequestParam(required = false) String limit,
                    @Parameter(hidden = true) Member caller) {
        Instant at = TrailParameters.instant("asOf", asOf);
        Instant since = TrailParameters.instant("from", from);
        String only = TrailParameters.figure(figure);
        long cursor = TrailParameters.cursor(after);
        int size = Parameters.integer("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        ValueModel valueModel = models.readable(model);
        if (!ledger.communityExists(communityId)) {
            throw new NotFoundException("No community " + communityId);
        }
        boolean reader = caller.isAnalyst() || caller.isAuditor();
        if (!reader && !ledger.isMember(communityId, caller.id(), caller.isExternal())) {
            throw new ForbiddenException("Only members of the community, analysts and auditors may read its trail");
        }
        List<TrailEvent> items = new ArrayList<>();
        trails.stream(new Trails.Query(valueModel, communityId, at, since, only, cursor), Long.MAX_VALUE, event -> {
            items.add(reader ? event : event.withMemberChanges(event.memberChanges().stream()
                    .filter(change -> change.memberId().equals(caller.id())).toList()));
            return items.size() <= size;
        });
        String next = null;
        if (items.size() > size) {
            items.remove(items.size() - 1);
            next = items.get(items.size() - 1).cursor();
        }
        return new TrailPage(communityId, valueModel.name(), at, since, figure == null || figure.isEmpty() ? null
                : figure, items, next);
    }
}
