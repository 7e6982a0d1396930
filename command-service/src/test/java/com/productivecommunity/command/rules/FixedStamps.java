package com.productivecommunity.command.rules;

import java.time.Instant;
import java.util.UUID;

/** Stamps every event with the same id and time, so a fixture can expect exact events. */
public class FixedStamps implements Stamps {

    public static final UUID EVENT_ID = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    public static final Instant NOW = Instant.parse("2026-11-26T10:15:30.123456Z");

    @Override
    public UUID newId() {
        return EVENT_ID;
    }

    @Override
    public Instant now() {
        return NOW;
    }
}
