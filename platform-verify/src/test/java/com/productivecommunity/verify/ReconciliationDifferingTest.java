package com.productivecommunity.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How stored figures are compared with the figures recomputed from the ledger: a missing row is a row of zeros. */
class ReconciliationDifferingTest {

    private static BigDecimal[] figures(String contribution, String benefit) {
        return new BigDecimal[] {new BigDecimal(contribution), new BigDecimal(benefit)};
    }

    @Test
    void equalFiguresDoNotDiffer() {
        assertThat(Reconciliation.differing(Map.of("v1/c/alice", figures("2", "1.5")),
                Map.of("v1/c/alice", figures("2.00", "1.50")))).isEmpty();
    }

    @Test
    void aLedgerWorthNothingNeedsNoFiguresRow() {
        // carol only gave likes (weight 0): ledger rows summing to zero, and no member_figures row
        assertThat(Reconciliation.differing(Map.of("v1/c/carol", figures("0", "0")), Map.of())).isEmpty();
    }

    @Test
    void aLedgerWorthSomethingWithoutAFiguresRowDiffers() {
        assertThat(Reconciliation.differing(Map.of("v1/c/carol", figures("0", "0.5")), Map.of()))
                .containsExactly("v1/c/carol");
    }

    @Test
    void differentFiguresAndFiguresWithoutLedgerDiffer() {
        assertThat(Reconciliation.differing(Map.of("v1/c/alice", figures("2", "1")),
                Map.of("v1/c/alice", figures("2", "1.5"), "v1/c/bob", figures("1", "0"), "v1/c/erin", figures("0", "0"))))
                .containsExactlyInAnyOrder("v1/c/alice", "v1/c/bob");
    }
}
