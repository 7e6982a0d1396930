package com.productivecommunity.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.support.testing.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docker-compose.yml must be valid for Debian's docker-compose (CI installs it; no Docker engine needed). */
class DockerComposeConfigTest {

    private final Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

    @Test
    void composeFileIsValidAndDefinesTheWholePlatform() throws IOException, InterruptedException {
        Path composeFile = root.resolve("docker-compose.yml");
        assertThat(composeFile).exists();
        RequiredTool.require(onPath("docker-compose") ? null
                : "docker-compose is not installed (apt-get install docker-compose): compose validation skipped");

        Process process = new ProcessBuilder("docker-compose", "-f", composeFile.toString(), "config")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("postgres:", "kafka:", "command-service:", "query-service:", "analytics-service:",
                "apache/kafka:3.9.1", "jdbc:postgresql://postgres:5432/pc_query", "SPRING_KAFKA_BOOTSTRAP_SERVERS: kafka:9092",
                "/actuator/health");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
