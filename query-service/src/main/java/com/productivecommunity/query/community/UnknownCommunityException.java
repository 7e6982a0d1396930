package com.productivecommunity.query.community;

import com.productivecommunity.support.web.NotFoundException;
import java.util.UUID;

public class UnknownCommunityException extends NotFoundException {
    public UnknownCommunityException(UUID communityId) {
        super("No community " + communityId);
    }
}
