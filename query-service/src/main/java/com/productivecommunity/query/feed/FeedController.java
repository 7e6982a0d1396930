package com.productivecommunity.query.feed;

import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.Parameters;
import com.productivecommunity.support.web.ForbiddenException;
import com.productivecommunity.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Feeds", description = "Contributions newest first (by postedAt, then contributionId). Feeds include "
        + "answers: they are contributions too (kind ANSWER, inReplyTo = the question). Pages are keyset-paginated: "
        + "pass a page's `next` as `before` for the following page; items posted meanwhile never shift later pages. "
        + "Header `X-Await-Position: <aggregateId>:<sequence>[,...]` (from command-service's `X-Event-Position`) "
        + "waits up to 5 s until that write is visible; `X-Position-Reached: false` if it was not.")
class FeedController {

    private final FeedReads feeds;
    private final CommunityReads communities;

    FeedController(FeedReads feeds, CommunityReads communities) {
        this.feeds = feeds;
        this.communities = communities;
    }

    @GetMapping("/api/communities/{communityId}/feed")
    @Operation(summary = "A community's contributions, newest first")
    FeedPage communityFeed(@PathVariable UUID communityId,
                           @Parameter(description = "1 to 100 (decimal digits)", schema = @Schema(type = "integer",
                                   minimum = "1", maximum = "100", defaultValue = "20"))
                           @RequestParam(required = false) String limit,
                           @Parameter(description = "`next` of the previous page") @RequestParam(required = false)
                           String before, Member caller) {
        Cursor cursor = Cursor.before(before);
        int size = limit(limit);
        communities.requireReadable(communityId, caller);
        return feeds.communityFeed(communityId, cursor, size);
    }

    @GetMapping("/api/feed")
    @Operation(summary = "The caller's home feed: contributions of every community they currently belong to")
    FeedPage homeFeed(Member member,
                      @Parameter(description = "1 to 100 (decimal digits)", schema = @Schema(type = "integer",
                                   minimum = "1", maximum = "100", defaultValue = "20"))
                           @RequestParam(required = false) String limit,
                      @Parameter(description = "`next` of the previous page") @RequestParam(required = false)
                      String before) {
        Cursor cursor = Cursor.before(before);
        return feeds.homeFeed(member.id(), member.isExternal(), cursor, limit(limit));
    }

    @GetMapping("/api/contributions/{contributionId}")
    @Operation(summary = "A contribution; for a question also its answers (oldest first) and the accepted answer")
    ContributionThread contribution(@PathVariable UUID contributionId, Member caller) {
        ContributionThread thread = feeds.thread(contributionId)
                .orElseThrow(() -> new UnknownContributionException(contributionId));
        communities.requireReadable(thread.item().communityId(), caller);
        return thread;
    }

    @GetMapping("/api/contributions/{contributionId}/history")
    @Operation(summary = "How a contribution changed (posted, edited, retracted, hidden), oldest first: for AUDITOR"
            + " and the contribution's author")
    ContributionHistory history(@PathVariable UUID contributionId, Member member) {
        ContributionHistory history = feeds.history(contributionId)
                .orElseThrow(() -> new UnknownContributionException(contributionId));
        communities.requireReadable(history.communityId(), member);
        if (!member.isAuditor() && !member.id().equals(history.authorId())) {
            throw new ForbiddenException("Only an AUDITOR and the contribution's author may read its history");
        }
        return history;
    }

    private static int limit(String limit) {
        return Parameters.integer("limit", limit, 1, 100, 20);
    }

    static class UnknownContributionException extends NotFoundException {
        UnknownContributionException(UUID contributionId) {
            super("No contribution " + contributionId);
        }
    }
}
