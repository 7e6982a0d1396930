package com.productivecommunity.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.events.OutcomeValue.InvalidValueException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OutcomeValueTest {

    @Test
    void theBoundsAndTheSmallestStepAreAccepted() {
        assertThat(OutcomeValue.normalize(new BigDecimal("1000000"))).isEqualByComparingTo("1000000");
        assertThat(OutcomeValue.normalize(new BigDecimal("0.000001"))).isEqualTo(new BigDecimal("0.000001"));
        assertThat(OutcomeValue.normalize(new BigDecimal("999999.999999"))).isEqualTo(new BigDecimal("999999.999999"));
    }

    @Test
    void outOfRangeIsRefused() {
        for (String value : new String[] {"0", "-0", "0.0000000", "-1", "-0.000001", "1000000.000001", "1E+400",
                "1000001"}) {
            assertThatThrownBy(() -> OutcomeValue.normalize(new BigDecimal(value))).as(value)
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("greater than 0 and at most");
        }
        assertThatThrownBy(() -> OutcomeValue.normalize(null)).hasMessage("is required");
    }

    @Test
    void moreThanSixDecimalPlacesIsRefusedHoweverTheNumberIsWritten() {
        for (String value : new String[] {"0.0000001", "1.0000001", "1E-7", "1E-1000000000", "12.3456789",
                "0." + "1".repeat(500), "0.000000999", "0." + "0".repeat(60_000) + "1",
                "1" + "0".repeat(6) + "." + "0".repeat(60_000) + "1"}) {
            assertThatThrownBy(() -> OutcomeValue.normalize(new BigDecimal(value))).as(value)
                    .isInstanceOf(InvalidValueException.class).hasMessageMatching("must (have at most 6 decimal places|be greater than 0 and at most 1,000,000)");
        }
    }

    @Test
    void trailingZerosAndExponentsAreNormalisedToTheShortestPlainForm() {
        assertThat(OutcomeValue.normalize(new BigDecimal("12.500000000000"))).isEqualTo(new BigDecimal("12.5"));
        assertThat(OutcomeValue.normalize(new BigDecimal("1E+6"))).isEqualTo(new BigDecimal("1000000"));
        assertThat(OutcomeValue.normalize(new BigDecimal("1.25E+1"))).isEqualTo(new BigDecimal("12.5"));
        assertThat(OutcomeValue.normalize(new BigDecimal("100"))).isEqualTo(new BigDecimal("100"));
        assertThat(OutcomeValue.normalize(new BigDecimal("0.5" + "0".repeat(500)))).isEqualTo(new BigDecimal("0.5"));
        assertThat(OutcomeValue.normalize(new BigDecimal("7." + "0".repeat(60_000)))).isEqualTo(new BigDecimal("7"));
        assertThat(OutcomeValue.isValid(new BigDecimal("12.5"))).isTrue();
        assertThat(OutcomeValue.isValid(new BigDecimal("12.50"))).isFalse();
        assertThat(OutcomeValue.isValid(new BigDecimal("1E+2"))).isFalse();
    }

    @Test
    void aMillionMaximalValuesAddUpExactly() {
        BigDecimal max = OutcomeValue.normalize(new BigDecimal("999999.999999"));
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 1_000_000; i++) {
            sum = sum.add(max);
        }
        assertThat(sum).isEqualTo(new BigDecimal("999999999999.000000"));
    }
}
