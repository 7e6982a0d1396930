package com.productivecommunity.query.community;

import com.productivecommunity.events.Text;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Problems;
import com.productivecommunity.support.web.UnknownCommunityException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/communities")
@Tag(name = "Communities", description = "Every community is readable by every member of the staff; partners and"
        + " customers read only the communities opened to them.")
class CommunityController {

    private final CommunityReads reads;

    CommunityController(CommunityReads reads) {
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "All communities, by name, with their current member count;"
            + " with ?member=, only those that member currently belongs to")
    List<CommunitySummary> communities(
            @Parameter(description = "a member id, or `me` for the caller") @RequestParam(required = false) String member,
            Member caller) {
        if (member == null || member.isEmpty()) {
            return reads.all(caller);
        }
        if ("me".equals(member)) {
            return reads.ofMember(caller.id(), caller);
        }
        if (!Text.isValid(member, Text.MEMBER_ID)) {
            // Not somebody's id: a NUL, for one, would reach PostgreSQL and fail there.
            throw new InvalidInputException("member", "'member' is not a member id: " + Problems.quote(member));
        }
        return reads.ofMember(member, caller);
    }

    @GetMapping("/{communityId}")
    @Operation(summary = "A community: purpose, leaders (member ids) and members with their purposes")
    CommunityDetail community(@PathVariable UUID communityId, Member caller) {
        reads.requireReadable(communityId, caller);
        return reads.detail(communityId).orElseThrow(() -> new UnknownCommunityException(communityId));
    }
}
