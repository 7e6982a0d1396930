package com.productivecommunity.analytics.export;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.analytics.audit-log}: where the exports ask command-service's audit log which signed tree head
 * covers their last event. {@code username}/{@code password}: an AUDITOR account for HTTP Basic; when unset the
 * exporting caller's own {@code Authorization} header is sent (so an ANALYST's export says the log refused).
 */
@ConfigurationProperties("platform.analytics.audit-log")
public record AuditLogProperties(@DefaultValue("http://localhost:8081") URI url, String username, String password,
                                 @DefaultValue("5s") Duration timeout) {
}
