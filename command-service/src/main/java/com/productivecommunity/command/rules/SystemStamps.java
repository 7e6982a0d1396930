package com.productivecommunity.command.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Random UUIDs and the UTC clock, to the microsecond (what PostgreSQL and the envelope keep). */
@Component
class SystemStamps implements Stamps {

    private final Clock clock = Clock.systemUTC();

    @Override
    public UUID newId() {
        return UUID.randomUUID();
    }

    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
