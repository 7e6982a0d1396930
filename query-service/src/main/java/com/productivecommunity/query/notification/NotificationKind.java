package com.productivecommunity.query.notification;

/** Why a member is told: the values of {@code notification.kind} as QueryProjection writes them. */
enum NotificationKind {
    /** Someone else answered the recipient's question. */
    ANSWERED,
    /** The question's author accepted the recipient's answer. */
    ACCEPTED,
    /** Someone thanked the recipient for a contribution (a THANKS reaction). */
    THANKED,
    /** A leader recorded an outcome that credits a contribution of the recipient's. */
    CREDITED
}
