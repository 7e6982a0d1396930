package com.productivecommunity.command.audit;

import com.productivecommunity.audit.head.TreeHeadVerifier;
import com.productivecommunity.audit.verify.Failure;
import com.productivecommunity.audit.verify.LogRecheck;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-verifies the log in the background, range by range ({@code recheck-batch} positions every
 * {@code recheck-interval}), from position 1 to the end and over again: each event's leaf is recomputed from
 * the row stored now and compared with the stored leaf hash, every stored interior hash with the hashes below
 * it ({@link LogRecheck#verifyRange}); at the end of each pass the latest signed tree head's signature and root
 * are checked against the stored hashes ({@link LogRecheck#verifyTreeHead}). A pass goes on after a mismatch,
 * so it finds the first one; what the health check reports is the first mismatch of the pass under way, else
 * of the last complete pass (so a row put back is UP again after one clean pass).
 */
@Component
class AuditRecheck {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final StoredEventRows rows;
    private final JdbcHashStore hashes;
    private final TreeHeads heads;
    private final TreeHeadVerifier verifier;
    private final AuditProperties properties;
    private final Clock clock = Clock.systemUTC();

    private long cursor = 1;
    private Failure passFailure;
    private volatile Failure lastPassFailure;
    private volatile long passes;
    private volatile long checkedUpTo;
    private volatile Instant lastPassAt;

    AuditRecheck(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, StoredEventRows rows,
                 JdbcHashStore hashes, TreeHeads heads, TreeHeadVerifier verifier, AuditProperties properties) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.rows = rows;
        this.hashes = hashes;
        this.heads = heads;
        this.verifier = verifier;
        this.properties = properties;
    }

    /** Checks the next range; returns true when that completed a pass. */
    synchronized boolean step() {
        Boolean ended = snapshot.execute(status -> {
            long size = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM audit_leaf", Long.class);
            if (cursor <= size) {
                long to = Math.min(size, cursor + properties.recheckBatch() - 1);
                Optional<Failure> failure = LogRecheck.verifyRange(hashes, cursor, to, rows.logged(cursor, to));
                failure.ifPresent(this::found);
                cursor = failure.map(Failure::position).map(p -> Math.max(p + 1, cursor + 1)).orElse(to + 1);
                checkedUpTo = Math.min(cursor - 1, to);
                if (cursor <= size) {
                    return false;
                }
            }
            heads.latest().flatMap(head -> head.head().size() <= size
                    ? LogRecheck.verifyTreeHead(hashes, head, verifier) : Optional.empty()).ifPresent(this::found);
            return true;
        });
        if (Boolean.TRUE.equals(ended)) {
            lastPassFailure = passFailure;
            passFailure = null;
            cursor = 1;
            passes++;
            lastPassAt = clock.instant();
            return true;
        }
        return false;
    }

    /** Runs the rest of the pass under way and one whole pass more (for tests and operators). */
    synchronized Optional<Failure> fullPass() {
        while (!step()) {
            // the pass under way
        }
        while (!step()) {
            // a whole pass from position 1
        }
        return Optional.ofNullable(lastPassFailure);
    }

    private void found(Failure failure) {
        if (passFailure == null) {
            passFailure = failure;
        }
    }

    synchronized Optional<Failure> current() {
        return Optional.ofNullable(passFailure != null ? passFailure : lastPassFailure);
    }

    long passes() {
        return passes;
    }

    long checkedUpTo() {
        return checkedUpTo;
    }

    Instant lastPassAt() {
        return lastPassAt;
    }
}
