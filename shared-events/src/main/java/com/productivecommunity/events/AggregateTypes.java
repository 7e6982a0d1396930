package com.productivecommunity.events;

/** Names of the command-side aggregates that emit events, as they appear in the envelope. */
public final class AggregateTypes {
    public static final String COMMUNITY = "Community";
    public static final String CONTRIBUTION = "Contribution";

    private AggregateTypes() {
    }
}
