package com.productivecommunity.query.feed;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.UUID;

/** A contribution with its answers (oldest first) and the accepted one; empty and null unless a question. */
public record ContributionThread(@JsonUnwrapped FeedItem item, List<FeedItem> answers, UUID acceptedAnswerId) {
}
