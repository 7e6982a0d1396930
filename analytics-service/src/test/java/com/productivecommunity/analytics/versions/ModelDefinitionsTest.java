package com.productivecommunity.analytics.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.support.web.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The definition's {@code until}: optional, an ISO-8601 instant with Z or an offset, microseconds at most, past. */
class ModelDefinitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelDefinitions.Definition read(String until) throws Exception {
        String member = until == null ? "" : ",\"until\":" + until;
        JsonNode body = JSON.readTree("{\"name\":\"q3\",\"productiveShareThreshold\":0.5,"
                + "\"weights\":{\"ANSWER_POSTED\":3}" + member + "}");
        return ModelDefinitions.read(body, NOW);
    }

    private static void rejected(String until, String because) {
        assertThatThrownBy(() -> read(until)).as(until).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(because)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("until");
    }

    @Test
    void withoutUntilTheVersionAppliesEveryEvent() throws Exception {
        assertThat(read(null).until()).isNull();
        assertThat(read("null").until()).isNull();
        assertThat(read(null).model().name()).isEqualTo("q3");
    }

    @Test
    void untilIsAnInstantWithZOrAnOffset() throws Exception {
        assertThat(read("\"2026-09-30T23:59:59Z\"").until()).isEqualTo(Instant.parse("2026-09-30T23:59:59Z"));
        assertThat(read("\"2026-10-01T01:59:59+02:00\"").until()).isEqualTo(Instant.parse("2026-09-30T23:59:59Z"));
        assertThat(read("\"2026-09-30T23:59:59.999999Z\"").until())
                .isEqualTo(Instant.parse("2026-09-30T23:59:59.999999Z"));
    }

    @Test
    void untilMayBeNowButNotLater() throws Exception {
        assertThat(read("\"" + NOW + "\"").until()).isEqualTo(NOW);
        rejected("\"" + NOW.plusNanos(1_000) + "\"", "between 1970-01-01T00:00:00Z and now");
        rejected("\"1969-12-31T23:59:59Z\"", "between 1970-01-01T00:00:00Z and now");
    }

    @Test
    void anythingElseIsA400NamingUntil() {
        rejected("\"2026-09-30\"", "ISO-8601 instant");
        rejected("\"2026-09-30T23:59:59\"", "ISO-8601 instant"); // no zone: which instant would it be?
        rejected("\"end of Q3\"", "ISO-8601 instant");
        rejected("\"\"", "ISO-8601 instant");
        rejected("1790812799", "must be a text");
        rejected("\"2026-09-30T23:59:59.9999999Z\"", "at most 6 decimals");
    }
}
