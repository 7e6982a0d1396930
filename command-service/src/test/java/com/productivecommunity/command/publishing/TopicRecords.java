package com.productivecommunity.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.productivecommunity.command.testing.TestKafka;
import com.productivecommunity.events.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the domain topic holds, read from its beginning by a plain consumer of the test's own. */
final class TopicRecords {

    private static final EventCodec codec = new EventCodec();

    private TopicRecords() {
    }

    /**
     * Every record on the topic from the beginning until each of {@code expected} (event ids) was seen, and then
     * the rest of what is there, per partition in offset order.
     */
    static List<ConsumerRecord<String, byte[]>> await(PublishingProperties properties, Set<UUID> expected,
                                                     Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.shared().bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(properties.topic(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<UUID> missing = new HashSet<>(expected);
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(record);
                    missing.remove(codec.read(record.value()).eventId());
                }
            }
            assertThat(missing).as("events never published").isEmpty();
            // Then the rest of what is on the topic now, so that repeats published later are seen too.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        // Per community order is per partition order: keep each partition's records in offset order.
        records.sort(Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }
}
