package com.productivecommunity.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./platform} launcher's commands that change nothing; {@code up} and {@code down}: {@link PlatformUpSystemTest}. */
class PlatformScriptTest {

    private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

    record Run(int exitCode, String output) {
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        Run help = run("./platform", "help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("up [--build]", "down", "status", "logs [name]", "reset --yes",
                "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void resetRefusesWithoutConfirmationAndNamesWhatItWouldDelete() throws Exception {
        Run reset = run("./platform", "reset");

        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.output()).contains("reset --yes", "pc_command", "pc_query", "pc_analytics");
    }

    @Test
    void unknownCommandFails() throws Exception {
        Run unknown = run("./platform", "launch");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("./platform up");
    }

    @Test
    void scriptIsValidBash() throws Exception {
        assertThat(run("bash", "-n", "platform").exitCode()).isZero();
    }

    private Run run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
