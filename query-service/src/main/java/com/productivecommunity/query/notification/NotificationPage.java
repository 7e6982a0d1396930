package com.productivecommunity.query.notification;

import java.util.List;

/** A page of the caller's notifications, newest first, with their unread count; {@code next} null on the last. */
record NotificationPage(List<Notification> items, String next, long unreadCount) {
}
