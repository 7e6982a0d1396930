package com.productivecommunity.query.outcome;

import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.query.feed.Cursor;
import com.productivecommunity.support.web.Parameters;
import com.productivecommunity.support.security.Member;
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
@Tag(name = "Outcomes", description = "What communities achieved, as their leaders recorded it; readable as the"
        + " community is: by the staff, and by partners and customers where it is opened to them.")
class OutcomeController {

    private final OutcomeReads outcomes;
    private final CommunityReads communities;

    OutcomeController(OutcomeReads outcomes, CommunityReads communities) {
        this.outcomes = outcomes;
        this.communities = communities;
    }

    @GetMapping("/api/communities/{communityId}/outcomes")
    @Operation(summary = "A community's outcomes, newest first, each with the contributions it credits")
    OutcomePage communityOutcomes(@PathVariable UUID communityId,
                                  @Parameter(description = "1 to 100 (decimal digits)", schema = @Schema(
                                          type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
                                  @RequestParam(required = false) String limit,
                                  @Parameter(description = "`next` of the previous page")
                                  @RequestParam(required = false) String before, Member caller) {
        Cursor cursor = Cursor.before(before);
        int size = Parameters.integer("limit", limit, 1, 100, 20);
        communities.requireReadable(communityId, caller);
        return outcomes.ofCommunity(communityId, cursor, size);
    }
}
