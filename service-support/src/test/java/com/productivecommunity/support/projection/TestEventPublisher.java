package com.productivecommunity.support.projection;

import com.productivecommunity.events.AggregateTypes;
import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.CommunityPurposeStated;
import com.productivecommunity.events.ContributionEdited;
import com.productivecommunity.events.ContributionHidden;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionRetracted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.EventEnvelope;
import com.productivecommunity.events.LeaderNamed;
import com.productivecommunity.events.LeaderRemoved;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberLeft;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.MemberRemoved;
import com.productivecommunity.events.MemberSegmentsChanged;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test support: publishes events to a (embedded) broker exactly as command-service does — key = community
 * id, value = {@link EventCodec#write} of the envelope — numbering each aggregate's events from 0.
 * {@link #publish(EventEnvelope)} sends an envelope again, e.g. to simulate an at-least-once redelivery.
 */
public final class TestEventPublisher implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final AtomicLong storePosition = new AtomicLong();

    public TestEventPublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    /** Creates {@code topic} with {@code partitions} partitions unless it exists. */
    public static void createTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The aggregate that emits {@code event} on the command side. */
    public static String aggregateType(CommunityEvent event) {
        return event.accept(AGGREGATE).type();
    }

    public static String aggregateId(CommunityEvent event) {
        return event.accept(AGGREGATE).id().toString();
    }

    private record Aggregate(String type, UUID id) {
        static Aggregate community(CommunityEvent event) {
            return new Aggregate(AggregateTypes.COMMUNITY, event.communityId());
        }

        static Aggregate contribution(UUID contributionId) {
            return new Aggregate(AggregateTypes.CONTRIBUTION, contributionId);
        }
    }

    /** Which command-side aggregate emits each event type, as command-service's aggregates do. */
    private static final CommunityEvent.Visitor<Aggregate> AGGREGATE = new CommunityEvent.Visitor<>() {
        @Override
        public Aggregate on(CommunityFounded e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(CommunityPurposeStated e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(MemberJoined e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(MemberLeft e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(MemberPurposeStated e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(ContributionPosted e) {
            return Aggregate.contribution(e.contributionId());
        }

        @Override
        public Aggregate on(ReactionGiven e) {
            return Aggregate.contribution(e.contributionId());
        }

        @Override
        public Aggregate on(ContributionViewed e) {
            return Aggregate.contribution(e.contributionId());
        }

        @Override
        public Aggregate on(AnswerAccepted e) {
            return Aggregate.contribution(e.questionId());
        }

        @Override
        public Aggregate on(OutcomeRecorded e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(LeaderNamed e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(LeaderRemoved e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(MemberRemoved e) {
            return Aggregate.community(e);
        }

        @Override
        public Aggregate on(ContributionEdited e) {
            return Aggregate.contribution(e.contributionId());
        }

        @Override
        public Aggregate on(ContributionRetracted e) {
            return Aggregate.contribution(e.contributionId());
        }

        @Override
        public Aggregate on(ContributionHidden e) {
            return Aggregate.contribution(e.contributionId());
        }

        @Override
        public Aggregate on(MemberSegmentsChanged e) {
            return Aggregate.community(e);
        }
    };

    /** Wraps {@code event} with its aggregate's next sequence, without sending it. */
    public EventEnvelope envelope(CommunityEvent event) {
        String aggregateId = aggregateId(event);
        long sequence = sequences.computeIfAbsent(aggregateId, id -> new AtomicLong()).getAndIncrement();
        return codec.envelope(event, aggregateType(event), aggregateId, sequence, storePosition.incrementAndGet());
    }

    /** Publishes {@code event} and waits for the broker's acknowledgement. */
    public EventEnvelope publish(CommunityEvent event) {
        EventEnvelope envelope = envelope(event);
        publish(envelope);
        return envelope;
    }

    /** Publishes the events in order and waits for all acknowledgements. */
    public List<EventEnvelope> publishAll(List<? extends CommunityEvent> events) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (CommunityEvent event : events) {
            EventEnvelope envelope = envelope(event);
            producer.send(record(envelope));
            envelopes.add(envelope);
        }
        producer.flush();
        return envelopes;
    }

    /** Sends an envelope as it is (again, for a redelivery) and waits for the acknowledgement. */
    public void publish(EventEnvelope envelope) {
        try {
            producer.send(record(envelope)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the event", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends any bytes under any key (e.g. a record no consumer can decode) and waits for the acknowledgement. */
    public void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bytes command-service would publish for {@code envelope}. */
    public byte[] bytes(EventEnvelope envelope) {
        return codec.write(envelope);
    }

    private ProducerRecord<String, byte[]> record(EventEnvelope envelope) {
        return new ProducerRecord<>(topic, envelope.communityId().toString(), codec.write(envelope));
    }

    @Override
    public void close() {
        producer.close();
    }
}
