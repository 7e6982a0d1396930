package com.productivecommunity.support.web;

import java.util.UUID;

/** A read names a community the service does not know (404): the one such failure of every read side. */
public class UnknownCommunityException extends NotFoundException {
    public UnknownCommunityException(UUID communityId) {
        super("No community " + communityId);
    }
}
