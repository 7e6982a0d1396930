package com.productivecommunity.query.search;

import java.util.UUID;

/**
 * One search as the caller asked it, validated: {@code q} normalised, the optional filters. With a filter
 * only contributions are searched (a community is neither in a community nor written by an author).
 */
record Search(String q, UUID community, String author) {

    boolean scoped() {
        return community != null || author != null;
    }

    String fingerprint() {
        return SearchCursor.fingerprint(q, community, author);
    }
}
