package com.productivecommunity.query.feed;

import java.util.List;

/** One page of a feed, newest first; {@code next} is the cursor for {@code before=}, null on the last page. */
public record FeedPage(List<FeedItem> items, String next) {
}
