package com.productivecommunity.analytics.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/** Decimals as people write them: 8.7, not 8.70 or 8.7E0; 12, not 1.2E+1. */
public final class Decimals {

    private Decimals() {
    }

    public static BigDecimal exact(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** benefit ÷ contribution to 16 significant digits, or null when nothing was contributed. */
    public static BigDecimal ratio(BigDecimal benefit, BigDecimal contribution) {
        return contribution.signum() == 0 ? null : exact(benefit.divide(contribution, MathContext.DECIMAL64));
    }
}
