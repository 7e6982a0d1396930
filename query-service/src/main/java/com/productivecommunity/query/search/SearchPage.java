package com.productivecommunity.query.search;

import java.util.List;

/** One page of results, best first; {@code next} is the cursor for {@code before=}, null on the last page. */
public record SearchPage(List<SearchHit> items, String next) {
}
