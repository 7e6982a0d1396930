package com.productivecommunity.analytics.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.analytics.engine.CommunityFigures;
import com.productivecommunity.analytics.engine.Decimals;
import com.productivecommunity.analytics.engine.MemberFigures;
import com.productivecommunity.analytics.model.ModelCatalog;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.analytics.trail.CommunityFigureValues;
import com.productivecommunity.analytics.trail.TrailBuilder;
import com.productivecommunity.analytics.trail.TrailEvent;
import com.productivecommunity.analytics.trail.TrailParameters;
import com.productivecommunity.analytics.trail.TrailRepository;
import com.productivecommunity.analytics.trail.TrailRepository.LastEntry;
import com.productivecommunity.analytics.trail.Trails;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.ForbiddenException;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.NotFoundException;
import com.productivecommunity.support.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community's ledger, member figures, community figures and trail as CSV or JSON, for ANALYST and AUDITOR.
 * Everything is checked before the first byte is written (until then errors are problem+json); the rows are streamed
 * from the ledger with a cursor. Every export reads the entries up to one ledger id (the last one applied of the
 * community under the model at or before asOf, fixed before streaming), so its rows and its {@code auditLog} block
 * refer to the same history.
 */
@RestController
@RequestMapping("/api/analytics/communities/{communityId}/exports")
class ExportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8;header=present");

    private static final String FORMAT_DOC = "csv or json; absent: by the Accept header (text/csv or"
            + " application/json), JSON when it names neither";

    private final TrailRepository ledger;
    private final Trails trails;
    private final ModelCatalog models;
    private final AuditLogClient auditLog;
    private final ObjectMapper json;

    ExportController(TrailRepository ledger, Trails trails, ModelCatalog models, AuditLogClient auditLog,
                     ObjectMapper json) {
        this.ledger = ledger;
        this.trails = trails;
        this.models = models;
        this.auditLog = auditLog;
        this.json = json;
    }

    /** What every export has been asked for, checked. */
    private record Export(String kind, UUID communityId, ValueModel model, Instant asOf, boolean csv,
                          Optional<LastEntry> last, Map<String, Object> meta) {
        long upToId() {
            return last.map(LastEntry::id).orElse(0L);
        }
    }

    @Operation(summary = "Every ledger entry of the community (all members) under the model, in the order applied"
            + " (ANALYST, AUDITOR)")
    @GetMapping("/ledger")
    void ledger(@PathVariable UUID communityId,
                                                 @RequestParam(required = false) String model,
                                                 @RequestParam(required = false) String asOf,
                                                 @Parameter(description = FORMAT_DOC) @RequestParam(required = false)
                                                 String format,
                                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                                 @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                                 String authorization,
                                                 @Parameter(hidden = true) Member caller,
                                                 HttpServletResponse response) throws IOException {
        Export export = prepare("ledger", communityId, model, asOf, format, accept, authorization, caller, Map.of());
        List<String> columns = List.of("ledgerEntryId", "eventId", "eventType", "occurredAt", "memberId", "signal",
                "contribution", "benefit", "organizationBenefit", "reason", "contributionId");
        respond(response, export, columns, out -> ledger.rows(export.model().name(), communityId, export.asOf(),
                export.upToId(), row -> {
                    List<Object> values = List.of(row.id(), row.eventId(), row.eventType(), row.occurredAt(),
                            row.memberId(), row.signal(), Decimals.exact(row.contribution()),
                            Decimals.exact(row.benefit()), Decimals.exact(row.organizationBenefit()), row.reason(),
                            row.contributionId() == null ? "" : row.contributionId());
                    out.row(values, object(columns, values));
                    return true;
                }));
    }

    @Operation(summary = "Every member's figures in the community (members with a ledger entry), by member id"
            + " (ANALYST, AUDITOR)")
    @GetMapping("/members")
    void members(@PathVariable UUID communityId,
                                                  @RequestParam(required = false) String model,
                                                  @RequestParam(required = false) String asOf,
                                                  @Parameter(description = FORMAT_DOC) @RequestParam(required = false)
                                                  String format,
                                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                                  @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                                  String authorization,
                                                  @Parameter(hidden = true) Member caller,
                                                 HttpServletResponse response) throws IOException {
        Export export = prepare("members", communityId, model, asOf, format, accept, authorization, caller, Map.of());
        List<String> columns = List.of("memberId", "contribution", "benefit", "balance", "ratio", "benefitingMore");
        respond(response, export, columns, out -> ledger.streamInTransaction(jdbc -> jdbc.query(
                "SELECT member_id, sum(contribution), sum(benefit) FROM ledger_entry WHERE model = ? AND"
                        + " community_id = ? AND occurred_at <= ? AND id <= ? GROUP BY member_id ORDER BY member_id",
                (ResultSet rs) -> {
                    while (rs.next()) {
                        MemberFigures f = new MemberFigures(rs.getBigDecimal(2), rs.getBigDecimal(3));
                        List<Object> values = new ArrayList<>(List.of(rs.getString(1), Decimals.exact(f.contribution()),
                                Decimals.exact(f.benefit()), Decimals.exact(f.balance())));
                        values.add(Decimals.ratio(f.benefit(), f.contribution()));
                        values.add(f.benefitingMore());
                        out.row(values, object(columns, values));
                    }
                    return null;
                }, export.model().name(), communityId, TrailRepository.ts(export.asOf()), export.upToId())));
    }

    @Operation(summary = "The community's figures (one row), recomputed from the same ledger entries as the trail"
            + " (ANALYST, AUDITOR)")
    @GetMapping("/figures")
    void figures(@PathVariable UUID communityId,
                                                  @RequestParam(required = false) String model,
                                                  @RequestParam(required = false) String asOf,
                                                  @Parameter(description = FORMAT_DOC) @RequestParam(required = false)
                                                  String format,
                                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                                  @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                                  String authorization,
                                                  @Parameter(hidden = true) Member caller,
                                                 HttpServletResponse response) throws IOException {
        Export export = prepare("figures", communityId, model, asOf, format, accept, authorization, caller, Map.of());
        List<String> columns = List.of("communityId", "model", "contribution", "benefit", "organizationBenefit",
                "activeMembers", "membersBenefitingMore", "shareBenefitingMore", "productive");
        respond(response, export, columns, out -> {
            TrailBuilder builder = new TrailBuilder(export.model().productiveShareThreshold(), event -> { });
            ledger.rows(export.model().name(), communityId, export.asOf(), export.upToId(), row -> {
                builder.accept(row);
                return true;
            });
            builder.finish();
            CommunityFigures totals = builder.totals();
            CommunityFigureValues f = builder.figures();
            List<Object> values = List.of(communityId, export.model().name(), Decimals.exact(totals.contribution()),
                    Decimals.exact(totals.benefit()), f.organizationBenefit(), f.activeMembers(),
                    f.membersBenefitingMore(), f.shareBenefitingMore(), f.productive());
            out.row(values, object(columns, values));
        });
    }

    @Operation(summary = "The community's whole trail (as GET …/trail, without paging; from= and figure= filter)"
            + " (ANALYST, AUDITOR)")
    @GetMapping("/trail")
    void trail(@PathVariable UUID communityId,
                                                @RequestParam(required = false) String model,
                                                @RequestParam(required = false) String asOf,
                                                @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String figure,
                                                @Parameter(description = FORMAT_DOC) @RequestParam(required = false)
                                                String format,
                                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                                @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                                String authorization,
                                                @Parameter(hidden = true) Member caller,
                                                HttpServletResponse response) throws IOException {
        Instant since = TrailParameters.instant("from", from);
        String only = TrailParameters.figure(figure);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("from", since);
        extra.put("figure", only);
        Export export = prepare("trail", communityId, model, asOf, format, accept, authorization, caller, extra);
        List<String> columns = new ArrayList<>(List.of("cursor", "eventId", "eventType", "occurredAt", "members",
                "changed", "verdictFlipped"));
        for (String name : CommunityFigureValues.NAMES) {
            columns.add(name + "Before");
            columns.add(name + "After");
        }
        columns.add("memberChanges");
        respond(response, export, columns, out -> trails.stream(new Trails.Query(export.model(), communityId,
                export.asOf(), since, only, 0), export.upToId(), event -> {
                    out.row(trailRecord(event), event);
                    return true;
                }));
    }

    private static List<Object> trailRecord(TrailEvent event) {
        List<Object> values = new ArrayList<>(List.of(event.cursor(), event.eventId(), event.eventType(),
                event.occurredAt(), event.members(), event.changes().stream().map(TrailEvent.Change::figure).toList(),
                event.verdictFlipped()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("organizationBenefit", event.figures().organizationBenefit());
        after.put("activeMembers", event.figures().activeMembers());
        after.put("membersBenefitingMore", event.figures().membersBenefitingMore());
        after.put("shareBenefitingMore", event.figures().shareBenefitingMore());
        after.put("productive", event.figures().productive());
        for (String name : CommunityFigureValues.NAMES) {
            Object before = event.changes().stream().filter(c -> c.figure().equals(name)).findFirst()
                    .map(TrailEvent.Change::before).orElse(after.get(name));
            values.add(before);
            values.add(after.get(name));
        }
        values.add(event.memberChanges());
        return values;
    }

    private Export prepare(String kind, UUID communityId, String model, String asOf, String format, String accept,
                           String authorization, Member caller, Map<String, Object> extra) {
        Instant at = TrailParameters.instant("asOf", asOf);
        boolean csv = csv(format, accept);
        ValueModel valueModel = models.readable(model);
        Optional<String> name = ledger.communityName(communityId);
        if (name.isEmpty()) {
            throw new NotFoundException("No community " + communityId);
        }
        if (!caller.isAnalyst() && !caller.isAuditor()) {
            throw new ForbiddenException("Only analysts and auditors export a community's " + kind);
        }
        Optional<LastEntry> last = ledger.lastEntry(valueModel.name(), communityId, at);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("export", kind);
        meta.put("communityId", communityId);
        meta.put("community", name.get());
        meta.put("model", valueModel.name());
        meta.put("productiveShareThreshold", Decimals.exact(valueModel.productiveShareThreshold()));
        meta.put("asOf", at);
        meta.putAll(extra);
        meta.put("exportedAt", Instant.now());
        meta.put("exportedBy", caller.id());
        meta.put("lastEntry", last.<Object>map(entry -> {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("ledgerEntryId", entry.id());
            block.put("eventId", entry.eventId());
            block.put("eventType", entry.eventType());
            block.put("occurredAt", entry.occurredAt());
            return block;
        }).orElse(null));
        meta.put("auditLog", auditLog.coverage(last.map(LastEntry::eventId).orElse(null), authorization));
        return new Export(kind, communityId, valueModel, at, csv, last, meta);
    }

    private interface Body {
        void write(ExportOutput out) throws Exception;
    }

    /**
     * Writes the export straight to the response as it is read (synchronously, like command-service's audit export:
     * no async request timeout cuts a long one). A failure after the first byte ends the connection: the missing
     * {@code # end} line or the unfinished JSON object shows the export is incomplete.
     */
    private void respond(HttpServletResponse response, Export export, List<String> columns, Body body)
            throws IOException {
        String file = "community-" + export.communityId() + "-" + export.kind() + "-" + export.model().name()
                + (export.csv() ? ".csv" : ".json");
        response.setStatus(200);
        response.setContentType((export.csv() ? CSV : MediaType.APPLICATION_JSON).toString());
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        OutputStream out = response.getOutputStream();
        try (ExportOutput output = export.csv() ? ExportOutput.csv(out, json) : ExportOutput.json(out, json)) {
            output.begin(export.meta(), columns);
            body.write(output);
            output.end();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        response.flushBuffer();
    }

    private static Map<String, Object> object(List<String> columns, List<Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = values.get(i);
            row.put(columns.get(i), "".equals(value) ? null : value);
        }
        return row;
    }

    /** {@code format} first (csv or json, else 400); then the Accept header's first type naming CSV or JSON. */
    static boolean csv(String format, String accept) {
        if (format != null && !format.isEmpty()) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInputException("format", "'format' must be csv or json, got "
                        + Problems.quote(format));
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw new InvalidInputException("Accept", "'Accept' is not a list of media types: " + Problems.quote(accept));
        }
        types.removeIf(type -> type.getQualityValue() == 0);
        types.sort((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()));
        for (MediaType type : types) {
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                    && !type.isWildcardSubtype()) {
                return false;
            }
        }
        return false;
    }
}
