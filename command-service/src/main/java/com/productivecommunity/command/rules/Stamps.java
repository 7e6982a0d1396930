package com.productivecommunity.command.rules;

import java.time.Instant;
import java.util.UUID;

/** Where new ids and times come from; injected into command handlers so tests can expect exact events. */
public interface Stamps {

    UUID newId();

    Instant now();
}
