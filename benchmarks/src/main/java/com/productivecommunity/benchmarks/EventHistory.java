package com.productivecommunity.benchmarks;

import com.productivecommunity.events.AggregateTypes;
import com.productivecommunity.events.AnswerAccepted;
import com.productivecommunity.events.CommunityEvent;
import com.productivecommunity.events.CommunityFounded;
import com.productivecommunity.events.ContributionKind;
import com.productivecommunity.events.ContributionPosted;
import com.productivecommunity.events.ContributionViewed;
import com.productivecommunity.events.EventCodec;
import com.productivecommunity.events.MemberJoined;
import com.productivecommunity.events.MemberPurposeStated;
import com.productivecommunity.events.OutcomeRecorded;
import com.productivecommunity.events.ReactionGiven;
import com.productivecommunity.events.ReactionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A valid history of the domain, generated straight onto a topic with {@link EventCodec} envelopes, the way
 * command-service publishes it: communities are founded, members join and state purposes, post questions,
 * answers, posts and ideas, view and react to each other's contributions, accept answers, and leaders record
 * outcomes. Envelopes carry the aggregate and sequence command-service would give them. Deterministic per seed.
 */
final class EventHistory {

    enum Mix { REALISTIC, CONTRIBUTIONS }

    static final List<String> DEMO_MEMBERS = List.of("alice", "bob", "carol", "frank", "grace");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TEXT = ("Line 3 stopped twice this month; vibration on the bearing of pump 2 rose for "
            + "a week before each stop. We started weekly vibration checks and the maintenance team now logs the "
            + "readings in the shared sheet so that the trend is visible to everyone on the shift. What thresholds "
            + "do other plants use, and who owns the follow-up when a reading crosses one? Any experience with "
            + "wireless sensors on the older motors would help; the budget request is due next month. ").repeat(2);

    private static final class Contribution {
        final UUID id;
        final int index;
        final String author;
        final ContributionKind kind;
        long sequence;
        final List<Contribution> answers = new ArrayList<>();
        boolean accepted;

        Contribution(UUID id, int index, String author, ContributionKind kind) {
            this.id = id;
            this.index = index;
            this.author = author;
            this.kind = kind;
        }
    }

    private static final class Community {
        final UUID id;
        final String founder;
        final List<String> members = new ArrayList<>();
        final Set<String> memberSet = new HashSet<>();
        final List<Contribution> recent = new ArrayList<>();
        final List<Contribution> questions = new ArrayList<>();
        long sequence;

        Community(UUID id, String founder) {
            this.id = id;
            this.founder = founder;
        }
    }

    private final EventCodec codec = new EventCodec();
    private final Random random;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final List<Community> communities = new ArrayList<>();
    private final List<String> members = new ArrayList<>();
    private final java.util.Map<String, Integer> memberIndex = new java.util.HashMap<>();
    private final Set<Long> views = new HashSet<>();
    private final Set<Long> reactions = new HashSet<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long events;
    private int contributionCount;

    private EventHistory(String bootstrapServers, String topic, long seed) {
        this.topic = topic;
        this.random = new Random(seed);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes exactly {@code total} events; returns how many of each type. */
    static Map<String, Long> generate(String bootstrapServers, String topic, long total, Mix mix,
                                      int communityCount, int memberCount, long seed) {
        EventHistory history = new EventHistory(bootstrapServers, topic, seed);
        try {
            history.run(total, mix, communityCount, memberCount);
            history.producer.flush();
        } finally {
            history.producer.close();
        }
        return history.counts;
    }

    private void run(long total, Mix mix, int communityCount, int memberCount) {
        for (int i = 0; i < memberCount; i++) {
            addMember(String.format("m%05d", i));
        }
        DEMO_MEMBERS.forEach(this::addMember);
        for (int c = 0; c < communityCount && events < total; c++) {
            String founder = members.get(random.nextInt(memberCount));
            Community community = new Community(UUID.randomUUID(), founder);
            communities.add(community);
            community.members.add(founder);
            community.memberSet.add(founder);
            publish(community, new CommunityFounded(UUID.randomUUID(), community.id, founder, now(),
                    "Community " + c + " of practice", "Share what we learn about topic " + c), AggregateTypes.COMMUNITY,
                    community.id.toString(), community.sequence++);
        }
        // The demo members belong to the ten busiest communities, so their home feeds can be read over HTTP.
        for (int c = 0; c < Math.min(10, communities.size()); c++) {
            for (String demo : DEMO_MEMBERS) {
                join(communities.get(c), demo, total);
            }
        }
        for (String member : members.subList(0, memberCount)) {
            for (int k = 0; k < 3 && events < total; k++) {
                join(pickCommunity(), member, total);
            }
        }
        while (events < total) {
            Community community = pickCommunity();
            String actor = community.members.get(random.nextInt(community.members.size()));
            double r = random.nextDouble();
            boolean done;
            if (mix == Mix.CONTRIBUTIONS || r < 0.28) {
                done = post(community, actor);
            } else if (r < 0.58) {
                done = view(community, actor);
            } else if (r < 0.88) {
                done = react(community, actor);
            } else if (r < 0.92) {
                done = accept(community);
            } else if (r < 0.93) {
                done = outcome(community);
            } else if (r < 0.95) {
                publish(community, new MemberPurposeStated(UUID.randomUUID(), community.id, actor, now(),
                        "Learn how the others solve problem " + random.nextInt(100)), AggregateTypes.COMMUNITY,
                        community.id.toString(), community.sequence++);
                done = true;
            } else if (r < 0.97) {
                done = join(community, members.get(random.nextInt(memberCount)), total);
            } else {
                done = post(community, actor);
            }
            if (!done) {
                post(community, actor);
            }
        }
    }

    private void addMember(String member) {
        memberIndex.put(member, members.size());
        members.add(member);
    }

    /** Skewed: a few busy communities, a long tail of quiet ones. */
    private Community pickCommunity() {
        double u = random.nextDouble();
        return communities.get((int) (communities.size() * u * u));
    }

    private boolean join(Community community, String member, long total) {
        if (events >= total || !community.memberSet.add(member)) {
            return false;
        }
        community.members.add(member);
        publish(community, new MemberJoined(UUID.randomUUID(), community.id, member, now(),
                random.nextBoolean() ? null : "Learn from the others"), AggregateTypes.COMMUNITY,
                community.id.toString(), community.sequence++);
        return true;
    }

    private boolean post(Community community, String actor) {
        ContributionKind kind;
        Contribution question = null;
        double r = random.nextDouble();
        if (r < 0.35 && !community.questions.isEmpty()) {
            kind = ContributionKind.ANSWER;
            question = community.questions.get(community.questions.size() - 1 - random.nextInt(Math.min(20, community.questions.size())));
        } else {
            kind = r < 0.6 ? ContributionKind.QUESTION : r < 0.8 ? ContributionKind.POST : ContributionKind.IDEA;
        }
        Contribution contribution = new Contribution(UUID.randomUUID(), contributionCount++, actor, kind);
        String body = TEXT.substring(0, 80 + random.nextInt(500));
        publish(community, new ContributionPosted(UUID.randomUUID(), community.id, actor, now(), contribution.id, kind,
                kind == ContributionKind.ANSWER ? null : "About topic " + random.nextInt(10_000) + ": what works?",
                body, question == null ? null : question.id, question == null ? null : question.author),
                AggregateTypes.CONTRIBUTION, contribution.id.toString(), contribution.sequence++);
        remember(community.recent, contribution, 200);
        if (kind == ContributionKind.QUESTION) {
            remember(community.questions, contribution, 200);
        }
        if (question != null) {
            question.answers.add(contribution);
        }
        return true;
    }

    private static void remember(List<Contribution> list, Contribution contribution, int keep) {
        list.add(contribution);
        if (list.size() > keep * 2) {
            list.subList(0, list.size() - keep).clear();
        }
    }

    private Contribution recentOf(Community community) {
        if (community.recent.isEmpty()) {
            return null;
        }
        int size = community.recent.size();
        return community.recent.get(size - 1 - random.nextInt(Math.min(size, 100)));
    }

    private boolean view(Community community, String actor) {
        Contribution contribution = recentOf(community);
        if (contribution == null || contribution.author.equals(actor)
                || !views.add(((long) contribution.index << 16) | memberIndex.get(actor))) {
            return false;
        }
        publish(community, new ContributionViewed(UUID.randomUUID(), community.id, actor, now(), contribution.id,
                contribution.author), AggregateTypes.CONTRIBUTION, contribution.id.toString(), contribution.sequence++);
        return true;
    }

    private boolean react(Community community, String actor) {
        Contribution contribution = recentOf(community);
        ReactionKind kind = ReactionKind.values()[random.nextInt(ReactionKind.values().length)];
        if (contribution == null || contribution.author.equals(actor)
                || !reactions.add(((((long) contribution.index << 16) | memberIndex.get(actor)) << 2) | kind.ordinal())) {
            return false;
        }
        publish(community, new ReactionGiven(UUID.randomUUID(), community.id, actor, now(), contribution.id,
                contribution.author, kind), AggregateTypes.CONTRIBUTION, contribution.id.toString(), contribution.sequence++);
        return true;
    }

    private boolean accept(Community community) {
        for (int attempt = 0; attempt < 5 && !community.questions.isEmpty(); attempt++) {
            Contribution question = community.questions.get(random.nextInt(community.questions.size()));
            if (!question.accepted && !question.answers.isEmpty()) {
                Contribution answer = question.answers.get(random.nextInt(question.answers.size()));
                question.accepted = true;
                publish(community, new AnswerAccepted(UUID.randomUUID(), community.id, question.author, now(),
                        question.id, answer.id, answer.author), AggregateTypes.CONTRIBUTION, question.id.toString(),
                        question.sequence++);
                return true;
            }
        }
        return false;
    }

    private boolean outcome(Community community) {
        Set<Contribution> linked = new LinkedHashSet<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            Contribution contribution = recentOf(community);
            if (contribution != null) {
                linked.add(contribution);
            }
        }
        publish(community, new OutcomeRecorded(UUID.randomUUID(), community.id, community.founder, now(), UUID.randomUUID(),
                "Hours of downtime avoided on line " + random.nextInt(10), BigDecimal.valueOf(1 + random.nextInt(200)),
                linked.stream().map(c -> c.id).toList(), linked.stream().map(c -> c.author).distinct().toList()),
                AggregateTypes.COMMUNITY, community.id.toString(), community.sequence++);
        return true;
    }

    private Instant now() {
        return START.plusSeconds(events * 20);
    }

    private void publish(Community community, CommunityEvent event, String aggregateType, String aggregateId, long sequence) {
        events++;
        counts.merge(event.getClass().getSimpleName(), 1L, Long::sum);
        byte[] value = codec.write(codec.envelope(event, aggregateType, aggregateId, sequence, events));
        producer.send(new ProducerRecord<>(topic, community.id.toString(), value), (metadata, failure) -> {
            if (failure != null) {
                System.err.println("Publishing failed: " + failure);
            }
        });
        if (events % 100_000 == 0) {
            System.out.printf("    generated %,d events%n", events);
        }
    }
}
