package com.productivecommunity.query.notification;

/**
 * The port through which the weekly digest leaves the platform (e-mail, chat, …). The digest job calls it once per
 * member and week with something to say. A deployment plugs in its adapter as a Spring bean of this type (mapping
 * the member id to an address through its directory); without one, {@link LoggingDigestSender} writes the digests to
 * the log. An exception is logged and leaves that member's week unsent (not retried by itself).
 */
public interface DigestSender {

    void send(DigestMessage message);
}
