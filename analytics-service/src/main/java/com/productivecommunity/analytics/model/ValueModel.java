package com.productivecommunity.analytics.model;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One version of the value model: a weight per signal and the share of active members who must benefit
 * more than they contribute for a community with organization benefit to count as productive.
 * A signal without a weight weighs 0, and a weight of 0 awards nothing.
 */
public record ValueModel(String name, String description, Map<Signal, BigDecimal> weights,
                         BigDecimal productiveShareThreshold) {

    public ValueModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(productiveShareThreshold, "productiveShareThreshold");
        if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new InvalidValueModelException("name", "model name '" + name + "' must be 1-40 letters, digits, _ . -");
        }
        if (productiveShareThreshold.signum() < 0 || productiveShareThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueModelException("productiveShareThreshold", name + ": productiveShareThreshold must be between 0 and 1");
        }
        EnumMap<Signal, BigDecimal> copy = new EnumMap<>(Signal.class);
        weights.forEach((signal, weight) -> {
            // Negative weights would let a member's figures cancel out and hide their activity.
            if (weight.signum() < 0) {
                throw new InvalidValueModelException("weights." + signal, name + ": weight of " + signal + " is negative");
            }
            copy.put(signal, weight);
        });
        weights = Map.copyOf(copy);
    }

    public BigDecimal weight(Signal signal) {
        return weights.getOrDefault(signal, BigDecimal.ZERO);
    }
}
