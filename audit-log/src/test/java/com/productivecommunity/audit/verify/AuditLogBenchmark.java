package com.productivecommunity.audit.verify;

import com.productivecommunity.audit.event.LeafEncoding;
import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.export.ExportWriter;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHeadSigner;
import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.MemoryHashStore;
import com.productivecommunity.audit.merkle.MerkleTree;
import com.productivecommunity.audit.merkle.TreeAppender;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.UUID;

/**
 * Prints throughput figures (not a test: nothing here can fail on speed). Run after
 * {@code mvn -pl audit-log -am package}:
 * <pre>
 * java -cp audit-log/target/audit-verifier.jar:audit-log/target/test-classes \
 *      com.productivecommunity.audit.verify.AuditLogBenchmark [events] [export file]
 * </pre>
 * It also leaves the export and the public key next to the export file, for timing
 * {@code java -jar audit-verifier.jar} on it.
 */
public final class AuditLogBenchmark {

    private AuditLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path exportFile = Path.of(args.length > 1 ? args[1] : "audit-log/target/benchmark-export.jsonl");
        UUID community = UUID.randomUUID();

        // Warm up the JIT on a small run first, so the figures are the steady state.
        append(20_000, community);
        long started = System.nanoTime();
        MemoryHashStore store = append(count, community);
        report("encode + leaf hash + append (memory store)", count, started);

        Hash[] leaves = new Hash[count];
        for (int i = 0; i < count; i++) {
            leaves[i] = MerkleTree.leafHash(i, store);
        }
        started = System.nanoTime();
        TreeAppender tree = TreeAppender.empty();
        MemoryHashStore treeOnly = new MemoryHashStore();
        for (Hash leaf : leaves) {
            treeOnly.append(tree.append(leaf));
        }
        report("append of precomputed leaf hashes", count, started);
        System.out.printf("stored hashes: %d (%.3f per leaf)%n", treeOnly.size(), treeOnly.size() / (double) count);

        KeyPair key = SigningKeys.generate();
        TreeHeadSigner signer = new TreeHeadSigner(key);
        Files.createDirectories(exportFile.toAbsolutePath().getParent());
        started = System.nanoTime();
        int heads = 0;
        TreeAppender headTree = TreeAppender.empty();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(exportFile), 1 << 16);
                ExportWriter writer = new ExportWriter(out)) {
            writer.header(key.getPublic());
            for (int position = 1; position <= count; position++) {
                LoggedEvent event = SampleLog.event(position, community);
                headTree.append(leaves[position - 1]);
                writer.event(event, leaves[position - 1]);
                if (position % 1_000 == 0 || position == count) {
                    writer.treeHead(signer.sign(position, headTree.root(), SampleLog.START.plusMillis(position)));
                    heads++;
                }
            }
            writer.end();
        }
        report("export written (" + heads + " tree heads, " + Files.size(exportFile) / (1 << 20) + " MiB)", count, started);
        Path publicKey = exportFile.resolveSibling("benchmark-public-key.pem");
        Files.writeString(publicKey, SigningKeys.toPem(key.getPublic()), StandardCharsets.US_ASCII);

        started = System.nanoTime();
        VerificationReport result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(exportFile), 1 << 16)) {
            result = new ExportVerifier(key.getPublic(), exportFile.toAbsolutePath().getParent()).verify(in);
        }
        report("export verified in process (" + (result.ok() ? "OK" : result.failure().orElseThrow().describe()) + ")",
                count, started);
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; public key " + publicKey);
    }

    private static MemoryHashStore append(int count, UUID community) {
        MemoryHashStore store = new MemoryHashStore();
        TreeAppender tree = TreeAppender.empty();
        for (int position = 1; position <= count; position++) {
            store.append(tree.append(LeafEncoding.leafHash(SampleLog.event(position, community))));
        }
        return store;
    }

    private static void report(String what, int count, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf("%-60s %9d events in %6.2f s = %,10.0f events/s%n", what, count, seconds, count / seconds);
    }
}
