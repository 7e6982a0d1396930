package com.productivecommunity.query.notification;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weekly digest job: {@code enabled} (default true) and when it runs, a Spring cron expression ({@code cron},
 * default Monday 07:00) in {@code zone} (default UTC). Each run sends every member the digest of the week that
 * ended before the run's day (weeks are Monday to Sunday, UTC).
 */
@ConfigurationProperties("query.notifications.digest")
record DigestProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 7 * * MON") String cron,
                        @DefaultValue("UTC") ZoneId zone) {
}
