package com.productivecommunity.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueModelReaderTest {

    private static ValueModel read(String json) throws IOException {
        return ValueModelReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void v1HasTheWeightsOfTheValueModelDocument() {
        ValueModel v1 = ValueModelReader.fromClasspath("v1");
        assertThat(v1.name()).isEqualTo("v1");
        assertThat(v1.productiveShareThreshold()).isEqualByComparingTo("0.5");
        assertThat(v1.weight(Signal.QUESTION_POSTED)).isEqualByComparingTo("1");
        assertThat(v1.weight(Signal.ANSWER_POSTED)).isEqualByComparingTo("3");
        assertThat(v1.weight(Signal.CONTRIBUTION_VIEWED)).isEqualTo(new BigDecimal("0.2"));
        assertThat(v1.weight(Signal.LIKE_GIVEN)).isEqualByComparingTo("0");
        assertThat(v1.weight(Signal.OUTCOME_RECORDED)).isEqualByComparingTo("1");
        assertThat(v1.weights()).containsOnlyKeys(Signal.values());
    }

    @Test
    void missingWeightWeighsNothing() throws IOException {
        ValueModel model = read("{\"name\":\"v9\",\"productiveShareThreshold\":0.6,\"weights\":{\"IDEA_POSTED\":4}}");
        assertThat(model.weight(Signal.IDEA_POSTED)).isEqualByComparingTo("4");
        assertThat(model.weight(Signal.POST_POSTED)).isEqualByComparingTo("0");
    }

    @Test
    void unknownSignalIsRejectedSoATypoCannotWeighZero() {
        assertThatThrownBy(() -> read("{\"name\":\"v9\",\"productiveShareThreshold\":0.5,\"weights\":{\"IDEA_POSTD\":4}}"))
                .isInstanceOf(InvalidValueModelException.class).hasMessageContaining("IDEA_POSTD");
    }

    @Test
    void negativeWeightAndThresholdOutOfRangeAreRejected() {
        assertThatThrownBy(() -> read("{\"name\":\"v9\",\"productiveShareThreshold\":0.5,\"weights\":{\"IDEA_POSTED\":-1}}"))
                .isInstanceOf(InvalidValueModelException.class);
        assertThatThrownBy(() -> read("{\"name\":\"v9\",\"productiveShareThreshold\":1.5,\"weights\":{}}"))
                .isInstanceOf(InvalidValueModelException.class);
        assertThatThrownBy(() -> read("{\"name\":\"v9\",\"weights\":{}}"))
                .isInstanceOf(InvalidValueModelException.class);
    }

    @Test
    void unknownOrDuplicateModelInConfigurationFailsAtStartup() {
        assertThatThrownBy(() -> ValueModels.fromClasspath(List.of("v404")))
                .isInstanceOf(InvalidValueModelException.class).hasMessageContaining("value-models/v404.json");
        assertThatThrownBy(() -> ValueModels.fromClasspath(List.of("v1", "v1")))
                .isInstanceOf(InvalidValueModelException.class);
    }
}
