package com.productivecommunity.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.audit.head.SigningKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierMainTest {

    private static final KeyPair KEY = SigningKeys.generate();

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aGoodExportExitsZeroAndSaysWhatWasChecked() throws IOException {
        Path export = write(new SampleLog(30, 10, KEY).exportLines());
        int status = run(export.toString(), "--public-key", publicKey().toString(), "--scratch-dir", directory.toString());
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("events        30, positions 1 to 30")
                .contains("tree heads    3: signatures valid").contains("last head     size 30")
                .contains("given with --public-key").contains("OK:");
    }

    @Test
    void aTamperedExportExitsOneNamingTheEvent() throws IOException {
        SampleLog log = new SampleLog(30, 10, KEY);
        List<String> lines = log.exportLines();
        lines.set(13, lines.get(13).replace("\"aggregate_id\":\"c-12\"", "\"aggregate_id\":\"c-99\""));
        int status = run(write(lines).toString(), "--public-key", publicKey().toString(), "--scratch-dir", directory.toString());
        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED: LEAF at position 12 (event " + log.events.get(11).eventId() + ")");
    }

    @Test
    void anUnpinnedKeyIsSaidToProveLittle() throws IOException {
        int status = run(write(new SampleLog(5, 10, KEY).exportLines()).toString(), "--scratch-dir", directory.toString());
        assertThat(status).isZero();
        assertThat(out.toString()).contains("named by the export itself");
    }

    @Test
    void whatCannotRunExitsTwo() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(run(directory.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
        Path export = write(new SampleLog(5, 10, KEY).exportLines());
        assertThat(run(export.toString(), "--public-key", export.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot use the public key");
        assertThat(run(export.toString(), "--frobnicate")).isEqualTo(2);
    }

    private int run(String... args) {
        return VerifierMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(List<String> lines) throws IOException {
        Path file = Files.createTempFile(directory, "export-", ".jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private Path publicKey() throws IOException {
        Path file = directory.resolve("log.pub.pem");
        Files.writeString(file, SigningKeys.toPem(KEY.getPublic()));
        return file;
    }
}
