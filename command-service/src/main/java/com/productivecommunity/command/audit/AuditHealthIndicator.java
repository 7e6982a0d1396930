package com.productivecommunity.command.audit;

import com.productivecommunity.audit.verify.Failure;
import java.util.Optional;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code auditLog}: DOWN, naming the first position that does not match, when the
 * background re-verification ({@link AuditRecheck}) found a stored event that differs from its leaf, a
 * missing or displaced row, a stored hash that does not match, or a latest tree head whose signature or
 * root does not; UP otherwise, with the log's size, its latest signed head and how far the check got.
 */
@Component("auditLog")
class AuditHealthIndicator extends AbstractHealthIndicator {

    private final AuditRecheck recheck;
    private final AuditAppender appender;
    private final TreeHeads heads;

    AuditHealthIndicator(AuditRecheck recheck, AuditAppender appender, TreeHeads heads) {
        super("The audit log cannot be checked");
        this.recheck = recheck;
        this.appender = appender;
        this.heads = heads;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<Failure> failure = recheck.current();
        if (failure.isPresent()) {
            builder.down().withDetail("failure", failure.get().describe())
                    .withDetail("kind", failure.get().kind().name());
            if (failure.get().position() != null) {
                builder.withDetail("position", failure.get().position());
            }
        } else {
            builder.up();
        }
        builder.withDetail("size", appender.size());
        heads.latest().ifPresent(head -> builder.withDetail("signedSize", head.head().size())
                .withDetail("signedAt", head.head().timestamp().toString()));
        builder.withDetail("verifiedPasses", recheck.passes()).withDetail("checkedUpTo", recheck.checkedUpTo());
        if (recheck.lastPassAt() != null) {
            builder.withDetail("lastPassAt", recheck.lastPassAt().toString());
        }
        builder.withDetail("appendedLate", appender.appendedLate()).withDetail("watchedGaps", appender.watchedGaps());
    }
}
