/**
 * Notifications (issue 17 item 6): a member's own list with unread count, marking read, the live stream that
 * tells them of a new one, and the weekly digest (what they gave, what they got, what their communities
 * achieved) with its sending port {@link com.productivecommunity.query.notification.DigestSender}. The rows are
 * written by {@code QueryProjection} in the batch's transaction; everything here reads them (and marks them read).
 */
package com.productivecommunity.query.notification;
