package com.productivecommunity.query.notification;

import java.time.LocalDate;

/** A rendered digest for one member and week (Monday {@code weekStart}): subject, plain text and HTML bodies. */
public record DigestMessage(String memberId, LocalDate weekStart, String subject, String text, String html) {
}
