package com.productivecommunity.analytics.versions;

import com.fasterxml.jackson.databind.JsonNode;
import com.productivecommunity.analytics.model.InvalidValueModelException;
import com.productivecommunity.analytics.model.Signal;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.events.Text;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Problems;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A version's definition as an analyst posts it, in the shape of {@code value-models/v1.json}:
 * {@code {"name","description","derivedFrom","productiveShareThreshold","weights":{"SIGNAL":weight,...},"until"}}.
 * Every fault is a 400 naming its field: {@code name}, {@code description}, {@code derivedFrom},
 * {@code productiveShareThreshold}, {@code weights}, {@code weights.<SIGNAL>}, {@code until}, or an unknown member.
 * {@code until} (optional) is the last instant of occurrence the version applies: an ISO-8601 instant with Z or an
 * offset, at most microseconds (what the database keeps, so the stored version is the one posted), not after
 * {@code now} (a version up to a point is a fixed picture of the past: replayed again it gives the same figures).
 */
final class ModelDefinitions {

    /** A weight may be 0 to 1,000,000 with up to 6 decimals: enough for any model, small enough to sum exactly. */
    static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1_000_000);
    static final int MAX_SCALE = 6;

    private static final Set<String> MEMBERS = Set.of("name", "description", "derivedFrom", "productiveShareThreshold",
            "weights", "until");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    /** {@code until} null: the version applies every event. */
    record Definition(ValueModel model, String derivedFrom, Instant until) {
    }

    private ModelDefinitions() {
    }

    /** The definition in {@code body}; {@code now} bounds {@code until}. */
    static Definition read(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("The body must be a JSON object: a model definition");
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String member = it.next();
            if (!MEMBERS.contains(member)) {
                throw new InvalidInputException(member, "Unknown member " + Problems.quote(member) + "; a definition has "
                        + MEMBERS);
            }
        }
        String name = text(body, "name", true);
        if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new InvalidInputException("name", "'name' must be 1-40 letters, digits, _ . or -, got "
                    + Problems.quote(name));
        }
        String description = null;
        if (body.hasNonNull("description")) {
            String raw = text(body, "description", false);
            try {
                description = Text.normalizeOptional(raw, Text.OUTCOME_DESCRIPTION).orElse(null);
            } catch (Text.InvalidTextException e) {
                throw new InvalidInputException("description", "'description' " + e.getMessage());
            }
        }
        String derivedFrom = body.hasNonNull("derivedFrom") ? text(body, "derivedFrom", false) : null;
        if (derivedFrom != null && !derivedFrom.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new InvalidInputException("derivedFrom", "'derivedFrom' is no version name: "
                    + Problems.quote(derivedFrom));
        }
        JsonNode threshold = body.get("productiveShareThreshold");
        if (threshold == null || !threshold.isNumber()) {
            throw new InvalidInputException("productiveShareThreshold",
                    "'productiveShareThreshold' is required: a number from 0 to 1");
        }
        BigDecimal share = threshold.decimalValue();
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0 || share.stripTrailingZeros().scale() > MAX_SCALE) {
            throw new InvalidInputException("productiveShareThreshold",
                    "'productiveShareThreshold' must be from 0 to 1 with at most " + MAX_SCALE + " decimals, got " + share);
        }
        JsonNode weightNodes = body.get("weights");
        if (weightNodes == null || !weightNodes.isObject() || weightNodes.isEmpty()) {
            throw new InvalidInputException("weights", "'weights' is required: an object of signal names to weights;"
                    + " the signals are " + Arrays.toString(Signal.values()));
        }
        Map<Signal, BigDecimal> weights = new EnumMap<>(Signal.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = weightNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = "weights." + field.getKey();
            Signal signal;
            try {
                signal = Signal.valueOf(field.getKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where, "Unknown signal " + Problems.quote(field.getKey())
                        + "; the signals are " + Arrays.toString(Signal.values()));
            }
            if (!field.getValue().isNumber()) {
                throw new InvalidInputException(where, "'" + where + "' must be a number");
            }
            BigDecimal weight = field.getValue().decimalValue();
            if (weight.signum() < 0 || weight.compareTo(MAX_WEIGHT) > 0 || weight.stripTrailingZeros().scale() > MAX_SCALE) {
                throw new InvalidInputException(where, "'" + where + "' must be from 0 to 1,000,000 with at most "
                        + MAX_SCALE + " decimals, got " + weight);
            }
            weights.put(signal, weight.stripTrailingZeros());
        }
        Instant until = until(body.get("until"), now);
        try {
            return new Definition(new ValueModel(name, description, weights, share), derivedFrom, until);
        } catch (InvalidValueModelException e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
    }

    private static Instant until(JsonNode node, Instant now) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException("until", "'until' must be a text: an ISO-8601 instant such as"
                    + " 2026-09-30T23:59:59Z");
        }
        Instant until;
        try {
            until = OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("until", "'until' must be an ISO-8601 instant with Z or an offset, such as"
                    + " 2026-09-30T23:59:59Z, got " + Problems.quote(node.asText()));
        }
        if (until.getNano() % 1_000 != 0) {
            throw new InvalidInputException("until", "'until' may have at most 6 decimals of a second (microseconds),"
                    + " got " + Problems.quote(node.asText()));
        }
        if (until.isBefore(EARLIEST) || until.isAfter(now)) {
            throw new InvalidInputException("until", "'until' must lie between 1970-01-01T00:00:00Z and now (" + now
                    + "): a version replayed up to a point shows the past, got " + Problems.quote(node.asText()));
        }
        return until;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidInputException(field, "'" + field + "' is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "'" + field + "' must be a text");
        }
        return node.asText();
    }
}
