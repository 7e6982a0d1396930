package com.productivecommunity.analytics.figures;

import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.figures.AnalyticsReadExceptions.NotAllowedToReadException;
import com.productivecommunity.analytics.figures.FiguresRepository.SegmentsRow;
import com.productivecommunity.analytics.figures.Views.SegmentsView;
import com.productivecommunity.analytics.model.ModelCatalog;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.support.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's figures per people segment, for ANALYST and AUDITOR: each person once, with their figures
 * summed over every community and the segments most recently recorded for them in any community (a record of
 * none only where there is no other).
 */
@RestController
class OrganizationSegmentsController {

    private final FiguresRepository figures;
    private final ModelCatalog models;

    OrganizationSegmentsController(FiguresRepository figures, ModelCatalog models) {
        this.figures = figures;
        this.models = models;
    }

    @Operation(summary = "The organization's figures per people segment (as a community's, each person once with"
            + " their figures over every community); ANALYST and AUDITOR only")
    @GetMapping("/api/analytics/segments")
    SegmentsView organization(@Parameter(description = FiguresController.MODEL_DOC)
                              @RequestParam(required = false) String model,
                              @Parameter(description = FiguresController.AS_OF_DOC)
                              @RequestParam(required = false) String asOf,
                              @Parameter(hidden = true) Member caller) {
        Instant at = FiguresController.asOf(asOf);
        ValueModel valueModel = models.readable(model);
        if (!caller.isAnalyst() && !caller.isAuditor()) {
            throw new NotAllowedToReadException("Only analysts and auditors may read the organization's figures");
        }
        Map<String, SegmentsRow> latest = new HashMap<>();
        for (SegmentsRow row : figures.memberSegments(null, at)) {
            latest.merge(row.memberId(), row, OrganizationSegmentsController::later);
        }
        Map<String, MemberFigures> people = new HashMap<>();
        latest.keySet().forEach(member -> people.put(member, MemberFigures.ZERO));
        figures.memberRows(List.of(valueModel.name()), null, at).forEach(row -> people.merge(row.memberId(),
                row.figures(), (a, b) -> a.plus(b.contribution(), b.benefit())));
        List<SegmentFigures.Person> persons = people.entrySet().stream()
                .map(e -> new SegmentFigures.Person(latest.containsKey(e.getKey())
                        ? latest.get(e.getKey()).segments() : List.of(), e.getValue()))
                .toList();
        return new SegmentsView(null, valueModel.name(), at, SegmentFigures.of(persons));
    }

    /** The record that says more: some segments over none, then the later one. */
    private static SegmentsRow later(SegmentsRow a, SegmentsRow b) {
        if (a.segments().isEmpty() != b.segments().isEmpty()) {
            return a.segments().isEmpty() ? b : a;
        }
        return b.recordedAt().isAfter(a.recordedAt()) ? b : a;
    }
}
