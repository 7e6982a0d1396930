package com.productivecommunity.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void defaultsToLoopback9092WithDataUnderPlatformFolder() {
        BrokerSettings settings = BrokerSettings.fromArguments();

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.dataDir().endsWith(java.nio.file.Path.of(".platform", "kafka"))).isTrue();
    }

    @Test
    void keepsEventsForeverAndAdvertisesTheConfiguredPort() {
        BrokerSettings settings = BrokerSettings.fromArguments("--port=19092", "--controller-port=19500", "--data-dir=/tmp/x");

        assertThat(settings.serverProperties())
                .containsEntry("log.retention.ms", "-1")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19500")
                .containsEntry("log.dirs", "/tmp/x/logs");
    }

    @Test
    void rejectsArgumentsThatAreNotNameValuePairs() {
        assertThatThrownBy(() -> BrokerSettings.fromArguments("9092")).isInstanceOf(IllegalArgumentException.class);
    }
}
