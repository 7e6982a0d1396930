package com.productivecommunity.support.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.ForbiddenException;
import com.productivecommunity.support.web.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operating the projections over HTTP, for analysts only (anyone else: 403): status, rebuild, and the parked
 * records — list, show, retry one or all, skip one with a reason — and the record of those actions.
 * Registered by {@link ProjectionAutoConfiguration} in every servlet service that has projections.
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private static final int MAX_LIMIT = 500;
    private static final int MAX_REASON = 1000;

    private final ProjectionAdmin admin;
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper mapper = codec.mapper();

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    /** The reason an operator gives for an action. */
    record ActionRequest(String reason) {
    }

    @GetMapping
    List<ProjectionStatus> projections(Member member) {
        requireAnalyst(member);
        return admin.statuses();
    }

    @GetMapping("/{name}")
    ProjectionStatus projection(Member member, @PathVariable String name) {
        requireAnalyst(member);
        return admin.status(name);
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(Member member, @PathVariable String name) {
        requireAnalyst(member);
        admin.rebuild(name, member.id());
        return admin.status(name);
    }

    @GetMapping("/{name}/parked")
    ParkedEvents.Page parked(Member member, @PathVariable String name,
                             @RequestParam(defaultValue = "PARKED") String state,
                             @RequestParam(defaultValue = "0") long after,
                             @RequestParam(defaultValue = "50") int limit) {
        requireAnalyst(member);
        return admin.parked().list(name, state(state), after, limit(limit));
    }

    @GetMapping("/{name}/parked/{id}")
    Map<String, Object> parkedRecord(Member member, @PathVariable String name, @PathVariable long id) {
        requireAnalyst(member);
        return detail(admin.parked().get(name, id));
    }

    @PostMapping("/{name}/parked/{id}/retry")
    ParkedEvents.ActionResult retry(Member member, @PathVariable String name, @PathVariable long id,
                                    @RequestBody(required = false) ActionRequest request) {
        requireAnalyst(member);
        return admin.parked().retry(name, id, member.id(), reason(request, false));
    }

    @PostMapping("/{name}/parked/retry")
    ParkedEvents.ActionResult retryAll(Member member, @PathVariable String name,
                                       @RequestBody(required = false) ActionRequest request) {
        requireAnalyst(member);
        return admin.parked().retryAll(name, member.id(), reason(request, false));
    }

    @PostMapping("/{name}/parked/{id}/skip")
    ParkedEvents.ActionResult skip(Member member, @PathVariable String name, @PathVariable long id,
                                   @RequestBody(required = false) ActionRequest request) {
        requireAnalyst(member);
        return admin.parked().skip(name, id, member.id(), reason(request, true));
    }

    @GetMapping("/{name}/actions")
    List<ProjectionAction> actions(Member member, @PathVariable String name,
                                   @RequestParam(required = false) Long before,
                                   @RequestParam(defaultValue = "50") int limit) {
        requireAnalyst(member);
        return admin.parked().actions(name, before == null ? Long.MAX_VALUE : before, limit(limit));
    }

    private Map<String, Object> detail(ParkedEvent parked) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", parked.id());
        body.put("projection", parked.projection());
        body.put("topic", parked.topic());
        body.put("partition", parked.partition());
        body.put("offset", parked.offset());
        body.put("recordKey", parked.recordKey());
        body.put("aggregateId", parked.aggregateId());
        body.put("sequence", parked.sequence());
        body.put("eventId", parked.eventId());
        body.put("eventType", parked.eventType());
        body.put("schemaVersion", parked.schemaVersion());
        body.put("reason", parked.reason());
        body.put("holdKey", parked.holdKey());
        body.put("waitingFor", parked.waitingFor());
        body.put("missingSequence", parked.missingSequence());
        body.put("state", parked.state());
        body.put("attempts", parked.attempts());
        body.put("parkedAt", parked.parkedAt());
        body.put("resolvedAt", parked.resolvedAt());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", parked.errorMessage());
        error.put("stack", parked.errorStack());
        body.put("error", error);
        byte[] value = parked.value();
        body.put("envelope", envelope(value));
        Map<String, Object> bytes = new LinkedHashMap<>();
        bytes.put("length", value == null ? 0 : value.length);
        bytes.put("base64", value == null ? null : Base64.getEncoder().encodeToString(value));
        bytes.put("text", utf8(value));
        body.put("value", bytes);
        return body;
    }

    /** The envelope as JSON when the bytes are one, else null. */
    private JsonNode envelope(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.valueToTree(codec.read(value));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String utf8(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static ParkState state(String state) {
        if (state.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return ParkState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Unknown state '" + state + "'; allowed: PARKED, APPLIED, SKIPPED,"
                    + " DUPLICATE, ALL");
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static String reason(ActionRequest request, boolean required) {
        String reason = request == null || request.reason() == null ? null : request.reason().strip();
        if (reason != null && reason.isEmpty()) {
            reason = null;
        }
        if (required && reason == null) {
            throw new InvalidInputException("reason: required (why the record is given up)");
        }
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new InvalidInputException("reason: at most " + MAX_REASON + " characters");
        }
        return reason;
    }

    private static void requireAnalyst(Member member) {
        if (!member.isAnalyst()) {
            throw new ForbiddenException("Only analysts operate projections");
        }
    }
}
