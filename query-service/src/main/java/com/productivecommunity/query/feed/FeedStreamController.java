package com.productivecommunity.query.feed;

import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.support.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Live feeds", description = """
        Server-sent events (text/event-stream), pushed right after the projection committed the events:
        - `contribution`: a new feed item (same JSON as a feed item; answers included); SSE id = the event's position;
        - `counts`: `{"contributionId","reactions":{"LIKE","THANKS","USEFUL"},"answerCount"}` of a contribution
          whose reactions or answer count changed;
        - `position`: `{"position":"<aggregateId>:<sequence>"}` when one of the caller's own writes is applied —
          read-your-writes on the stream: a write with `X-Event-Position` A:n is visible once a `position` event
          names A with a sequence ≥ n.
        Comments (`: subscribed`, `: keep-alive` every 20 s) keep the connection open. Streams end after 30 min;
        EventSource reconnects by itself (re-read the feed page then, events are not replayed).""")
class FeedStreamController {

    private final FeedStream stream;
    private final CommunityReads communities;

    FeedStreamController(FeedStream stream, CommunityReads communities) {
        this.stream = stream;
        this.communities = communities;
    }

    @GetMapping(value = "/api/feed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates of the caller's home feed (the communities they belong to at each push)",
            responses = @ApiResponse(responseCode = "200", description = "event stream: contribution, counts, position",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string"))))
    SseEmitter homeStream(Member member) {
        return stream.subscribeHome(member.id(), member.isExternal());
    }

    @GetMapping(value = "/api/communities/{communityId}/feed/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates of one community's feed",
            responses = @ApiResponse(responseCode = "200", description = "event stream: contribution, counts, position",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string"))))
    SseEmitter communityStream(Member member, @PathVariable UUID communityId) {
        communities.requireReadable(communityId, member);
        return stream.subscribeCommunity(member.id(), communityId);
    }
}
