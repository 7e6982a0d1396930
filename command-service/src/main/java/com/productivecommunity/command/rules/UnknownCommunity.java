package com.productivecommunity.command.rules;

import java.util.UUID;

/** A command names a community that was never founded: the command side's one "unknown community". */
public final class UnknownCommunity extends Rejection.NotFound {
    public UnknownCommunity(UUID communityId) {
        super("No community " + communityId);
    }
}
