package com.productivecommunity.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void defaultsToLoopback9092AndResolvesTheDataDirectoryOnce() {
        BrokerSettings settings = BrokerSettings.fromArguments("--data-dir=relative/kafka");

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.dataDir()).isAbsolute()
                .isEqualTo(Path.of("relative/kafka").toAbsolutePath().normalize());
        assertThat(settings.clusterId()).isEmpty();
        assertThat(settings.flushEveryMessage()).isTrue();
    }

    @Test
    void refusesToGuessTheDataDirectory() {
        assertThatThrownBy(BrokerSettings::fromArguments)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--data-dir");
    }

    @Test
    void keepsEventsForeverFlushesEveryAppendAndAdvertisesTheConfiguredPort() {
        BrokerSettings settings = BrokerSettings.fromArguments("--port=19092", "--controller-port=19500", "--data-dir=/tmp/x");

        assertThat(settings.serverProperties())
                .containsEntry("log.retention.ms", "-1")
                .containsEntry("log.flush.interval.messages", "1")
                .containsEntry("unclean.leader.election.enable", "false")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19500")
                .containsEntry("log.dirs", "/tmp/x/logs");
    }

    @Test
    void flushingEveryAppendCanBeSwitchedOffForBenchmarksOfTheBrokerItself() {
        BrokerSettings settings = BrokerSettings.fromArguments("--data-dir=/tmp/x", "--flush-every-message=false");

        assertThat(settings.serverProperties()).doesNotContainKey("log.flush.interval.messages");
        assertThatThrownBy(() -> BrokerSettings.fromArguments("--data-dir=/tmp/x", "--flush-every-message=yes"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsArgumentsThatAreNotNameValuePairsAndUnknownOptions() {
        assertThatThrownBy(() -> BrokerSettings.fromArguments("9092")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerSettings.fromArguments("--data-dir=/tmp/x", "--data-directory=/tmp/y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--data-directory");
    }
}
