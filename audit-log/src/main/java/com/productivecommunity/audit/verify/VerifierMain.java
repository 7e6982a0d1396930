package com.productivecommunity.audit.verify;

import com.productivecommunity.audit.head.InvalidKeyException;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHead;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * {@code java -jar audit-verifier.jar <export.jsonl> [--public-key key.pem]}: verifies an audit
 * export offline. Exit status 0 when everything matches, 1 when something does not (the first
 * mismatch is named), 2 when the command cannot run (usage, unreadable file or key).
 */
public final class VerifierMain {

    static final int OK = 0;
    static final int MISMATCH = 1;
    static final int CANNOT_RUN = 2;

    private static final String USAGE = """
            usage: java -jar audit-verifier.jar <export.jsonl | -> [--public-key <key.pem>] [--scratch-dir <dir>]
              <export.jsonl>   an export from GET /api/audit/export ("-" reads standard input)
              --public-key     the log's Ed25519 public key (PEM), obtained apart from the export;
                               without it the key named inside the export is used, which proves only
                               that the export is consistent with itself
              --scratch-dir    where the recomputed tree's hashes go while checking (default: the
                               system temporary directory; 64 bytes per event, deleted afterwards)""";

    private VerifierMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String exportArgument = null;
        Path keyFile = null;
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--public-key" -> {
                    if (++i == args.length) {
                        return usage(err, "--public-key needs a file");
                    }
                    keyFile = Path.of(args[i]);
                }
                case "--scratch-dir" -> {
                    if (++i == args.length) {
                        return usage(err, "--scratch-dir needs a directory");
                    }
                    scratch = Path.of(args[i]);
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return OK;
                }
                default -> {
                    if (args[i].startsWith("--") || exportArgument != null) {
                        return usage(err, "unexpected argument " + args[i]);
                    }
                    exportArgument = args[i];
                }
            }
        }
        if (exportArgument == null) {
            return usage(err, "no export file given");
        }
        PublicKey trusted = null;
        if (keyFile != null) {
            try {
                trusted = SigningKeys.publicKeyFromPem(Files.readString(keyFile, StandardCharsets.US_ASCII));
            } catch (IOException | InvalidKeyException e) {
                err.println("audit-verifier: cannot use the public key " + keyFile + ": " + e.getMessage());
                return CANNOT_RUN;
            }
        }
        VerificationReport report;
        long started = System.nanoTime();
        try (InputStream in = exportArgument.equals("-") ? System.in
                : new BufferedInputStream(Files.newInputStream(Path.of(exportArgument)), 1 << 16)) {
            report = new ExportVerifier(trusted, scratch).verify(in);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("audit-verifier: cannot read " + exportArgument + ": " + e.getMessage());
            return CANNOT_RUN;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        print(report, exportArgument, keyFile, seconds, out);
        return report.ok() ? OK : MISMATCH;
    }

    private static void print(VerificationReport report, String export, Path keyFile, double seconds, PrintStream out) {
        out.println("audit export  " + export);
        if (report.keyId() != null) {
            out.println("public key    Ed25519 " + report.keyId() + (report.keyPinned()
                    ? " (given with --public-key " + keyFile + ")"
                    : " (named by the export itself: pass --public-key with the log's published key to know the heads are the log's)"));
        }
        out.println("events        " + report.events() + (report.events() == 0 ? ""
                : ", positions " + report.firstPosition() + " to " + report.lastPosition()
                + ", every leaf recomputed from the stored bytes") + (report.ok() ? "" : " (before the failure)"));
        out.println("tree heads    " + report.treeHeads() + (report.treeHeads() == 0 ? ""
                : ": signatures valid, roots equal to the recomputed tree, each consistent with the one before,"
                + " sizes and timestamps never going back"));
        if (report.firstHead() != null) {
            out.println("first head    " + head(report.firstHead()));
        }
        if (report.lastHead() != null) {
            out.println("last head     " + head(report.lastHead()));
        }
        out.println("final root    " + report.root().base64() + " (size " + report.events() + ")");
        out.printf("time          %.2f s%s%n", seconds,
                seconds > 0 && report.events() > 0 ? String.format(" (%.0f events/s)", report.events() / seconds) : "");
        if (report.ok()) {
            out.println("OK: every event matches its leaf and every signed tree head matches the events");
        } else {
            out.println("FAILED: " + report.failure().orElseThrow().describe());
        }
    }

    private static String head(TreeHead head) {
        return "size " + head.size() + " at " + head.timestamp() + ", root " + head.root().base64();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("audit-verifier: " + problem);
        err.println(USAGE);
        return CANNOT_RUN;
    }
}
