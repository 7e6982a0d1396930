package com.productivecommunity.query.community;

import java.util.UUID;

/** A community in the list; {@code memberCount} counts its current members. */
public record CommunitySummary(UUID communityId, String name, String purpose, int memberCount) {
}
