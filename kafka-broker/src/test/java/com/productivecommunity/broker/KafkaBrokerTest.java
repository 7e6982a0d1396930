package com.productivecommunity.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path data;

    @Test
    void formatsAnEmptyDirectoryOnceAndStartsAgainOnTheSameCluster() throws IOException {
        BrokerSettings first = BrokerSettings.fromArguments("--data-dir=" + data);

        KafkaBroker.formatIfNew(first);
        String cluster = KafkaBroker.clusterIdOf(first).orElseThrow();
        KafkaBroker.formatIfNew(first);
        KafkaBroker.formatIfNew(BrokerSettings.fromArguments("--data-dir=" + data, "--cluster-id=" + cluster));

        assertThat(KafkaBroker.clusterIdOf(first)).contains(cluster);
    }

    @Test
    void refusesToFormatANewClusterWhereAConfiguredOneShouldBe() throws IOException {
        Path moved = data.resolve("not-here");
        BrokerSettings settings = BrokerSettings.fromArguments("--data-dir=" + moved, "--cluster-id=MkU3OEVBNTcwNTJENDM2Qk");

        assertThatThrownBy(() -> KafkaBroker.formatIfNew(settings))
                .isInstanceOf(KafkaBroker.RefusedDataDirectoryException.class)
                .hasMessageContaining("holds no cluster").hasMessageContaining("MkU3OEVBNTcwNTJENDM2Qk");
        assertThat(moved).doesNotExist();
    }

    @Test
    void refusesAnotherClustersData() throws IOException {
        KafkaBroker.formatIfNew(BrokerSettings.fromArguments("--data-dir=" + data));

        assertThatThrownBy(() -> KafkaBroker.formatIfNew(
                BrokerSettings.fromArguments("--data-dir=" + data, "--cluster-id=MkU3OEVBNTcwNTJENDM2Qk")))
                .isInstanceOf(KafkaBroker.RefusedDataDirectoryException.class).hasMessageContaining("not the configured");
    }

    @Test
    void deletesATopicOfARunningClusterAndSaysSoWhenItIsAlreadyGone() throws Exception {
        int port = freePort();
        BrokerSettings settings = BrokerSettings.fromArguments("--data-dir=" + data, "--port=" + port,
                "--controller-port=" + freePort());
        KafkaBroker.formatIfNew(settings);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings.serverProperties(), false), Time.SYSTEM);
        server.startup();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("community-events", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);

            int deleted = TopicDeletion.run("--delete-topic=community-events", "--bootstrap-servers=" + settings.bootstrapServers());
            int again = TopicDeletion.run("--delete-topic=community-events", "--bootstrap-servers=" + settings.bootstrapServers());

            assertThat(deleted).isZero();
            assertThat(again).isZero();
            // Deletion completes in the background after the controller accepted it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("community-events")
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("community-events");
        } finally {
            server.shutdown();
            server.awaitShutdown();
        }
        assertThat(Files.exists(settings.logDir().resolve("meta.properties"))).isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
