package com.productivecommunity.query.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.productivecommunity.query.community.CommunitySummary;
import com.productivecommunity.query.feed.FeedItem;
import java.util.UUID;

/**
 * One result: a community ({@code community} set) or a contribution ({@code contribution} set, a feed item;
 * an answer links to its question through {@code inReplyTo}). {@code communityId} and {@code communityName}
 * name the community either way; {@code rank} is PostgreSQL's {@code ts_rank} (higher first).
 */
public record SearchHit(Type type, float rank, UUID communityId, String communityName, CommunitySummary community,
                        FeedItem contribution) {

    /** The kind of a hit; {@code order} breaks ties of rank (communities first), then the id does. */
    public enum Type {
        CONTRIBUTION(0), COMMUNITY(1);

        final int order;

        Type(int order) {
            this.order = order;
        }
    }

    @JsonIgnore
    UUID id() {
        return type == Type.COMMUNITY ? communityId : contribution.contributionId();
    }
}
