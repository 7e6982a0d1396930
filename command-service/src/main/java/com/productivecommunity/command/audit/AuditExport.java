package com.productivecommunity.command.audit;

import com.productivecommunity.audit.export.ExportWriter;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.TreeHeadSigner;
import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.StoredHashIndex;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the export (audit-log's JSON-lines format) of the log up to its latest signed tree head, from one
 * consistent snapshot of the database: every event as stored now with the leaf hash stored when it was
 * appended, each head right after the event at its size. It writes what is there: a row deleted or changed
 * since it was logged shows as such, for the verifier to name.
 */
@Component
class AuditExport {

    private static final int CHUNK = 1_000;

    private final TransactionTemplate snapshot;
    private final StoredEventRows rows;
    private final JdbcHashStore hashes;
    private final TreeHeads heads;
    private final TreeHeadSigner signer;

    AuditExport(PlatformTransactionManager transactionManager, StoredEventRows rows, JdbcHashStore hashes,
                TreeHeads heads, TreeHeadSigner signer) {
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.rows = rows;
        this.hashes = hashes;
        this.heads = heads;
        this.signer = signer;
    }

    void write(OutputStream out) {
        snapshot.executeWithoutResult(status -> {
            ExportWriter export = ExportWriter.asStored(out);
            export.header(signer.publicKey());
            long size = heads.latest().map(head -> head.head().size()).orElse(-1L);
            Deque<SignedTreeHead> pending = new ArrayDeque<>();
            heads.between(0, 0, pending::add);
            writeHeads(export, pending, 0);
            // Chunk by chunk: the events and the heads of the sizes in the chunk, so memory stays constant.
            for (long from = 1; from <= size; from += CHUNK) {
                long to = Math.min(size, from + CHUNK - 1);
                heads.between(from, to, pending::add);
                long firstIndex = StoredHashIndex.count(from - 1);
                List<Hash> stored = hashes.readRange(firstIndex, (int) (StoredHashIndex.count(to) - firstIndex));
                rows.logged(from, to, (event, globalIndex) -> {
                    // Heads of the sizes passed over (a row missing) come before the next event.
                    writeHeads(export, pending, event.position() - 1);
                    Hash leaf = stored.get((int) (StoredHashIndex.ofLeaf(event.position() - 1) - firstIndex));
                    export.event(event, leaf);
                    writeHeads(export, pending, event.position());
                });
                writeHeads(export, pending, to);
                export.flush();
            }
            export.end();
        });
    }

    private static void writeHeads(ExportWriter export, Deque<SignedTreeHead> pending, long upToSize) {
        while (!pending.isEmpty() && pending.peekFirst().head().size() <= upToSize) {
            export.treeHead(pending.pollFirst());
        }
    }
}
