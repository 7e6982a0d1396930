package com.productivecommunity.command.audit;

import com.productivecommunity.audit.event.LeafEncoding;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.TreeHeadSigner;
import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.StoredHashes;
import com.productivecommunity.audit.merkle.TreeAppender;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the event store in global order and appends every committed event to the tree, once: each cycle
 * (one transaction, under an advisory lock so one instance writes) reads the stored events the log does not
 * hold yet, appends them, stores the new hashes and leaves, and signs a tree head when the tree grew and the
 * last head is {@code sign-interval} old.
 *
 * <p>Gaps. Axon hands out global indexes when a row is inserted, so a transaction still running leaves a
 * gap that fills when it commits, and one rolled back leaves a gap for ever. The appender appends only
 * contiguous rows: it stops before a missing index and waits up to {@code gap-timeout} for it (as Axon's
 * gap-aware tracking token does). Then it goes on without it, but keeps watching it for {@code gap-watch}:
 * every cycle reads all stored rows not in {@code audit_leaf} above the oldest watched gap, so an event
 * that commits late is appended then, at the end of the log (its leaf names its global index; log order is
 * append order). Nothing is doubled: {@code audit_leaf.global_index} is unique and only rows absent from it
 * are read. On start the first cycles sweep the whole store for rows the log lacks (one pass).
 */
@Component
class AuditAppender {

    private static final Logger log = LoggerFactory.getLogger(AuditAppender.class);
    /** pg advisory lock key: "audit-appender". */
    private static final long LOCK = 0x61756469744150L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StoredEventRows rows;
    private final JdbcHashStore hashes;
    private final TreeHeads heads;
    private final TreeHeadSigner signer;
    private final AuditProperties properties;
    private final Clock clock;

    // Only the appender thread touches these (cycle() is synchronized).
    private TreeAppender tree;
    private long highestGlobalIndex;
    private Instant lastHeadAt;
    private long lastHeadSize = -1;
    /** Start of the gap right after highestGlobalIndex, and since when it was seen. */
    private long waitingFor = -1;
    private Instant waitingSince;
    private final List<WatchedGap> watched = new ArrayList<>();
    private boolean sweeping = true;
    private long appendedLate;

    record WatchedGap(long from, long to, Instant until) {
    }

    AuditAppender(JdbcTemplate jdbc, TransactionTemplate transactions, StoredEventRows rows, JdbcHashStore hashes,
                  TreeHeads heads, TreeHeadSigner signer, AuditProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rows = rows;
        this.hashes = hashes;
        this.heads = heads;
        this.signer = signer;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** One cycle: append what is there (in batches) and sign if due. Returns the events appended. */
    synchronized int cycle() {
        int total = 0;
        try {
            while (true) {
                Integer appended = transactions.execute(status -> {
                    Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
                    if (!Boolean.TRUE.equals(locked)) {
                        return 0;
                    }
                    syncWithStore();
                    int n = appendBatch();
                    signIfDue();
                    return n;
                });
                total += appended == null ? 0 : appended;
                if (appended == null || appended < properties.batchSize()) {
                    return total;
                }
            }
        } catch (RuntimeException e) {
            tree = null; // the transaction rolled back: read the state back from the store next time
            throw e;
        }
    }

    long size() {
        TreeAppender current = tree;
        return current == null ? -1 : current.size();
    }

    long appendedLate() {
        return appendedLate;
    }

    int watchedGaps() {
        return watched.size();
    }

    private void syncWithStore() {
        long storedSize = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM audit_leaf", Long.class);
        if (tree == null || tree.size() != storedSize) {
            tree = TreeAppender.resume(storedSize, hashes);
            highestGlobalIndex = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM audit_leaf", Long.class);
            heads.latest().ifPresentOrElse(head -> {
                lastHeadSize = head.head().size();
                lastHeadAt = head.head().timestamp();
            }, () -> {
                lastHeadSize = -1;
                lastHeadAt = null;
            });
            waitingFor = -1;
        }
    }

    private int appendBatch() {
        Instant now = clock.instant();
        watched.removeIf(gap -> gap.until().isBefore(now));
        long after = sweeping ? 0 : watched.stream().mapToLong(gap -> gap.from() - 1).min().orElse(highestGlobalIndex);
        after = Math.min(after, highestGlobalIndex);
        List<StoredEventRows.Candidate> candidates = rows.notLogged(after, properties.batchSize());
        if (candidates.size() < properties.batchSize()) {
            sweeping = false;
        }
        List<Hash> leaves = new ArrayList<>(candidates.size());
        List<Object[]> leafRows = new ArrayList<>(candidates.size());
        long position = tree.size();
        Iterator<StoredEventRows.Candidate> iterator = candidates.iterator();
        while (iterator.hasNext()) {
            StoredEventRows.Candidate candidate = iterator.next();
            long globalIndex = candidate.globalIndex();
            if (globalIndex <= highestGlobalIndex) {
                appendedLate++;
                log.warn("Audit log: event at global index {} committed after the appender passed its index;"
                        + " appended at log position {}", globalIndex, position + 1);
            } else if (globalIndex > highestGlobalIndex + 1) {
                long gapFrom = highestGlobalIndex + 1;
                if (waitingFor != gapFrom) {
                    waitingFor = gapFrom;
                    waitingSince = now;
                }
                if (now.isBefore(waitingSince.plus(properties.gapTimeout()))) {
                    break; // wait for the missing index to commit (or to time out)
                }
                log.info("Audit log: global indexes {}..{} stayed empty for {}; going on, watching them for {}",
                        gapFrom, globalIndex - 1, properties.gapTimeout(), properties.gapWatch());
                watched.add(new WatchedGap(gapFrom, globalIndex - 1, now.plus(properties.gapWatch())));
                waitingFor = -1;
                highestGlobalIndex = globalIndex;
            } else {
                highestGlobalIndex = globalIndex;
            }
            position++;
            leaves.add(LeafEncoding.leafHash(candidate.at(position)));
            leafRows.add(new Object[] {position, globalIndex});
            watched.removeIf(gap -> gap.from() == globalIndex && gap.to() == globalIndex);
        }
        if (leaves.isEmpty()) {
            return 0;
        }
        StoredHashes created = tree.appendAll(leaves);
        hashes.insert(created);
        jdbc.batchUpdate("INSERT INTO audit_leaf (position, global_index) VALUES (?, ?)", leafRows);
        return leaves.size();
    }

    private void signIfDue() {
        long size = tree.size();
        Instant now = clock.instant();
        if (lastHeadSize >= 0 && (size == lastHeadSize || now.isBefore(lastHeadAt.plus(properties.signInterval())))) {
            return;
        }
        Instant at = lastHeadAt != null && now.isBefore(lastHeadAt) ? lastHeadAt : now;
        SignedTreeHead signed = signer.sign(size, tree.root(), at);
        heads.insert(signed, signer.publicKey());
        lastHeadSize = size;
        lastHeadAt = signed.head().timestamp();
    }
}
