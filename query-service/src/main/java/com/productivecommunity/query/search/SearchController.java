package com.productivecommunity.query.search;

import com.productivecommunity.events.Text;
import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.support.web.Ids;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Parameters;
import com.productivecommunity.support.web.Problems;
import com.productivecommunity.support.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Full-text search over contributions (titles and bodies) and communities (names and "
        + "purposes), best match first. `q` is read like a web search: words (all must occur; English stemming), "
        + "\"a phrase\", `or`, `-word`. Keyset-paginated: pass a page's `next` as `before`, with the same q and filters.")
class SearchController {

    /** What a search may be: one line of 1 to 200 characters, under the platform's text rules. */
    static final Text.Rule Q = new Text.Rule(Text.Kind.SINGLE_LINE, 1, 200);

    private final SearchReads reads;
    private final CommunityReads communities;

    SearchController(SearchReads reads, CommunityReads communities) {
        this.reads = reads;
        this.communities = communities;
    }

    @GetMapping("/api/search")
    @Operation(summary = "Communities and contributions matching q, best first; with community= or author=, "
            + "only that community's or that member's contributions")
    SearchPage search(@Parameter(description = "what to look for: 1 to 200 characters, one line") @RequestParam(required = false)
                      String q,
                      @Parameter(description = "only contributions of this community (a UUID)") @RequestParam(required = false)
                      String community,
                      @Parameter(description = "only contributions by this member id") @RequestParam(required = false)
                      String author,
                      @Parameter(description = "1 to 100 (decimal digits)", schema = @Schema(type = "integer",
                              minimum = "1", maximum = "100", defaultValue = "20"))
                      @RequestParam(required = false) String limit,
                      @Parameter(description = "`next` of the previous page") @RequestParam(required = false)
                      String before, Member caller) {
        Search search = new Search(q(q), community(community), author(author));
        int size = Parameters.integer("limit", limit, 1, 100, 20);
        SearchCursor cursor = before == null || before.isEmpty() ? null : SearchCursor.decode(before, search);
        if (search.community() != null) {
            communities.requireReadable(search.community(), caller);
        }
        return reads.search(search, cursor, size, caller.isExternal());
    }

    private static String q(String q) {
        try {
            return Text.normalize(q, Q);
        } catch (Text.InvalidTextException e) {
            throw new InvalidInputException("q", "'q' " + e.getMessage()
                    + (e.missing() ? "" : ": " + Problems.quote(q)));
        }
    }

    private static UUID community(String community) {
        if (community == null || community.isEmpty()) {
            return null;
        }
        try {
            return Ids.uuid(community);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("community", "'community' " + e.getMessage() + ", got "
                    + Problems.quote(community));
        }
    }

    private static String author(String author) {
        if (author == null || author.isEmpty()) {
            return null;
        }
        if (!Text.isValid(author, Text.MEMBER_ID)) {
            throw new InvalidInputException("author", "'author' is not a member id: " + Problems.quote(author));
        }
        return author;
    }
}
