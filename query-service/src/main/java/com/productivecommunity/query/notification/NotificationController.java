package com.productivecommunity.query.notification;

import com.productivecommunity.query.feed.Cursor;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Notifications", description = """
        The caller's own notifications, never anybody else's: their question answered (`ANSWERED`), their answer
        accepted (`ACCEPTED`), a thanks for a contribution of theirs (`THANKED`), an outcome crediting their work
        (`CREDITED`). Live: `GET /api/notifications/stream`.""")
class NotificationController {

    /** At most this many ids in one mark-read request. */
    static final int MAX_IDS = 500;

    private final NotificationReads reads;
    private final NotificationStream stream;

    NotificationController(NotificationReads reads, NotificationStream stream) {
        this.reads = reads;
        this.stream = stream;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "The caller's notifications, newest first, with the unread count")
    NotificationPage notifications(Member member,
                                   @Parameter(description = "1 to 100 (decimal digits)", schema = @Schema(
                                           type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
                                   @RequestParam(required = false) String limit,
                                   @Parameter(description = "`next` of the previous page")
                                   @RequestParam(required = false) String before) {
        Cursor cursor = Cursor.before(before);
        int size = Parameters.integer("limit", limit, 1, 100, 20);
        return reads.page(member.id(), member.isExternal(), cursor, size);
    }

    @GetMapping("/api/notifications/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread: {\"unreadCount\"}")
    Map<String, Long> unreadCount(Member member) {
        return Map.of("unreadCount", reads.unreadCount(member.id(), member.isExternal()));
    }

    /** The body of a mark-read request: without it (or without {@code notificationIds}) every notification. */
    record MarkRead(List<UUID> notificationIds) {
    }

    @PostMapping("/api/notifications/read")
    @Operation(summary = "Marks the caller's notifications read: all of them (no body, or {}), or those listed"
            + " ({\"notificationIds\":[...]}; ids that are not the caller's change nothing)")
    Map<String, Long> markRead(Member member, @RequestBody(required = false) MarkRead request) {
        List<UUID> ids = request == null ? null : request.notificationIds();
        if (ids != null) {
            if (ids.size() > MAX_IDS) {
                throw new InvalidInputException("notificationIds", "'notificationIds' names " + ids.size()
                        + " notifications, at most " + MAX_IDS + " are accepted at once");
            }
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) == null) {
                    throw new InvalidInputException("notificationIds[" + i + "]", "'notificationIds[" + i + "]' is null");
                }
            }
        }
        int marked = reads.markRead(member.id(), ids);
        long unread = reads.unreadCount(member.id(), member.isExternal());
        if (marked > 0) {
            stream.unreadChanged(member.id());
        }
        return Map.of("marked", (long) marked, "unreadCount", unread);
    }

    @GetMapping(value = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live: `notification` (data: a notification) for each new one of the caller's, then"
            + " `unread` ({\"unreadCount\"}); `unread` also when they mark some read elsewhere",
            responses = @ApiResponse(responseCode = "200", description = "event stream: notification, unread",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string"))))
    SseEmitter stream(Member member) {
        return stream.subscribe(member.id(), member.isExternal());
    }
}
