package com.productivecommunity.query.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The local adapter of {@link DigestSender}: the digest's subject and text body go to the log, nowhere else. */
class LoggingDigestSender implements DigestSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingDigestSender.class);

    @Override
    public void send(DigestMessage message) {
        log.info("Weekly digest for {} (week of {}): {}\n{}", message.memberId(), message.weekStart(),
                message.subject(), message.text());
    }
}
