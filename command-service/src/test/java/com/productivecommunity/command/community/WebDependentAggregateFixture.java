package com.productivecommunity.command.community;

import com.productivecommunity.support.web.ConflictException;

/** What the architecture test must refuse: a rejection of the community feature that is an HTTP exception. */
public class WebDependentAggregateFixture extends ConflictException {
    public WebDependentAggregateFixture() {
        super("a domain rejection that knows HTTP");
    }
}
