package com.productivecommunity.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.audit.head.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command, run in its own JVM with nothing on its class path but the jar. */
class VerifierJarIT {

    @TempDir
    Path directory;

    @Test
    void thePackagedVerifierPassesAGoodExportAndNamesATamperedEvent() throws Exception {
        KeyPair key = SigningKeys.generate();
        SampleLog log = new SampleLog(1_000, 100, key);
        Path publicKey = directory.resolve("log.pub.pem");
        Files.writeString(publicKey, SigningKeys.toPem(key.getPublic()));
        List<String> lines = log.exportLines();
        Path good = write("good.jsonl", lines);

        Result ok = run(good.toString(), "--public-key", publicKey.toString());
        assertThat(ok.status).as(ok.output).isZero();
        assertThat(ok.output).contains("events        1000, positions 1 to 1000").contains("OK:");

        List<String> tampered = new ArrayList<>(lines);
        int line = tampered.indexOf(tampered.stream().filter(l -> l.contains("\"position\":777,")).findFirst().orElseThrow());
        tampered.set(line, tampered.get(line).replace("\"sequence\":0", "\"sequence\":5"));
        Result failed = run(write("tampered.jsonl", tampered).toString(), "--public-key", publicKey.toString());
        assertThat(failed.status).as(failed.output).isEqualTo(1);
        assertThat(failed.output).contains("FAILED: LEAF at position 777 (event " + log.events.get(776).eventId() + ")");
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("audit.verifier.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int status, String output) {
    }
}
