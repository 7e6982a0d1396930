package com.productivecommunity.query.notification;

import com.productivecommunity.query.community.CommunityReads;
import com.productivecommunity.query.feed.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A member's notifications: keyset-paged on (created_at, notification_id) descending, the unread count, marking
 * read. Every statement names the recipient: nobody reads or marks anybody else's.
 */
@Component
class NotificationReads {

    /** A title or description quoted in a notification's text is cut to this many characters. */
    static final int QUOTE = 80;

    /** Titles come from the contribution as it is now: an edit's title, none for a retracted or hidden one. */
    private static final String SELECT = "SELECT n.notification_id, n.kind, n.community_id, cm.name, n.contribution_id,"
            + " n.related_id, n.actor_id, n.created_at, n.read_at, c.kind, CASE WHEN c.state = 'VISIBLE' THEN c.title END,"
            + " c.in_reply_to, CASE WHEN q.state = 'VISIBLE' THEN q.title END, o.description,"
            + " n.recipient_id, coalesce(cm.open_to_external, false) FROM notification n LEFT JOIN community cm ON cm.community_id = n.community_id"
            + " LEFT JOIN contribution c ON c.contribution_id = n.contribution_id"
            + " LEFT JOIN contribution q ON q.contribution_id = c.in_reply_to"
            + " LEFT JOIN outcome o ON n.kind = 'CREDITED' AND o.outcome_id = n.related_id";

    private final NamedParameterJdbcTemplate jdbc;

    NotificationReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code external}: a partner or customer, shown only what happened in communities opened to them. */
    NotificationPage page(String recipient, boolean external, Cursor before, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("me", recipient).addValue("fetch", limit + 1)
                .addValue("external", external);
        if (before != null) {
            params.addValue("beforeAt", OffsetDateTime.ofInstant(before.at(), ZoneOffset.UTC))
                    .addValue("beforeId", before.id());
        }
        List<Notification> items = jdbc.query(SELECT + " WHERE n.recipient_id = :me AND " + VISIBLE
                + (before == null ? "" : " AND (n.created_at, n.notification_id) < (:beforeAt, :beforeId)")
                + " ORDER BY n.created_at DESC, n.notification_id DESC LIMIT :fetch", params, (rs, row) -> notification(rs));
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            Notification last = items.get(limit - 1);
            next = new Cursor(last.createdAt(), last.notificationId()).encode();
        }
        return new NotificationPage(List.copyOf(items), next, unreadCount(recipient, external));
    }

    /** Notifications of communities a partner or customer ({@code :external}) may not read are left out. */
    private static final String VISIBLE = CommunityReads.readable("n.community_id");

    long unreadCount(String recipient, boolean external) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM notification n WHERE n.recipient_id = :me"
                + " AND n.read_at IS NULL AND " + VISIBLE, Map.of("me", recipient, "external", external), Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The unread counts of {@code recipients} (every one of them, 0 included); those of {@code external} (partners
     * and customers) count only what happened in communities opened to them.
     */
    Map<String, Long> unreadCounts(Collection<String> recipients, Collection<String> external) {
        Map<String, Long> counts = new HashMap<>();
        recipients.forEach(recipient -> counts.put(recipient, 0L));
        if (!recipients.isEmpty()) {
            jdbc.query("SELECT n.recipient_id, count(*) FROM notification n WHERE n.recipient_id IN (:members)"
                    + " AND n.read_at IS NULL AND (n.recipient_id NOT IN (:external) OR n.community_id IN"
                    + " (SELECT community_id FROM community WHERE open_to_external)) GROUP BY n.recipient_id",
                    Map.of("members", recipients, "external", external.isEmpty() ? List.of("") : external),
                    rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return counts;
    }

    /** A notification and whom it is for. */
    /** {@code open}: its community is opened to partners and customers. */
    record Addressed(String recipientId, Notification notification, boolean open) {
    }

    /** The notifications that {@code events} caused for any of {@code recipients}, oldest first. */
    List<Addressed> caused(Collection<UUID> events, Collection<String> recipients) {
        if (events.isEmpty() || recipients.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " WHERE n.event_id IN (:events) AND n.recipient_id IN (:members)"
                + " ORDER BY n.created_at, n.notification_id",
                new MapSqlParameterSource("events", events).addValue("members", recipients),
                (rs, row) -> new Addressed(rs.getString(15), notification(rs), rs.getBoolean(16)));
    }

    /** Marks the recipient's unread notifications read: all of them, or those of {@code ids} that are theirs. */
    int markRead(String recipient, List<UUID> ids) {
        MapSqlParameterSource params = new MapSqlParameterSource("me", recipient)
                .addValue("now", OffsetDateTime.now(ZoneOffset.UTC));
        if (ids == null) {
            return jdbc.update("UPDATE notification SET read_at = :now WHERE recipient_id = :me AND read_at IS NULL",
                    params);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.update("UPDATE notification SET read_at = :now WHERE recipient_id = :me AND read_at IS NULL"
                + " AND notification_id IN (:ids)", params.addValue("ids", ids));
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        NotificationKind kind = NotificationKind.valueOf(rs.getString(2));
        UUID contribution = rs.getObject(5, UUID.class);
        UUID related = rs.getObject(6, UUID.class);
        String actor = rs.getString(7);
        OffsetDateTime readAt = rs.getObject(9, OffsetDateTime.class);
        String contributionKind = rs.getString(10);
        String title = rs.getString(11);
        UUID inReplyTo = rs.getObject(12, UUID.class);
        String questionTitle = rs.getString(13);
        String outcome = rs.getString(14);
        boolean answer = "ANSWER".equals(contributionKind);
        UUID thread = contribution == null ? null : answer && inReplyTo != null ? inReplyTo : contribution;
        return new Notification(rs.getObject(1, UUID.class), kind, rs.getObject(3, UUID.class), rs.getString(4),
                contribution, thread, kind == NotificationKind.CREDITED ? related : null, actor,
                text(kind, actor, answer, answer ? questionTitle : title, outcome),
                rs.getObject(8, OffsetDateTime.class).toInstant(), readAt != null,
                readAt == null ? null : readAt.toInstant());
    }

    /** The sentence a member reads, e.g. {@code bob answered your question “Why does line 3 stop?”}. */
    static String text(NotificationKind kind, String actor, boolean answer, String title, String outcome) {
        return switch (kind) {
            case ANSWERED -> actor + " answered your question" + quoted(title);
            case ACCEPTED -> actor + " accepted your answer" + (title == null ? "" : " to" + quoted(title));
            case THANKED -> actor + " thanked you for "
                    + (answer ? "your answer" + (title == null ? "" : " to" + quoted(title))
                    : title == null ? "your contribution" : quoted(title).substring(1));
            case CREDITED -> actor + " recorded an outcome that credits your work" + (outcome == null ? ""
                    : ":" + quoted(outcome));
        };
    }

    /** {@code  “text”}, cut at {@link #QUOTE} characters (code points) with an ellipsis; empty for null. */
    static String quoted(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) > QUOTE) {
            line = line.substring(0, line.offsetByCodePoints(0, QUOTE - 1)).stripTrailing() + "…";
        }
        return " “" + line + "”";
    }
}
