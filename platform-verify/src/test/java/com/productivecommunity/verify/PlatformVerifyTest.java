package com.productivecommunity.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line: what it refuses (exit 2) before it reads anything. The reconciliation itself is tested
 * against a running platform by system-tests (PlatformUpSystemTest, FaultInjectionSystemTest). */
class PlatformVerifyTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PlatformVerify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheOptionsNamed() {
        assertThat(run("--comand-db=jdbc:postgresql://127.0.0.1/x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument --comand-db").contains("--command-db=");
        assertThat(out.size()).isZero();
    }

    @Test
    void aMissingDatabaseOrBrokerArgumentIsRefused() {
        assertThat(run("--command-db=a", "--query-db=b", "--analytics-db=c")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bootstrap-servers= is required");
    }

    @Test
    void aDatabaseThatCannotBeReadIsExitTwoNotADifference() {
        String missing = "jdbc:postgresql://127.0.0.1:5432/pc_verify_never_created_" + ProcessHandle.current().pid();
        assertThat(run("--command-db=" + missing, "--query-db=" + missing, "--analytics-db=" + missing,
                "--bootstrap-servers=127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read " + missing);
    }
}
