package com.productivecommunity.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The reconciliation of a platform, read-only, from the outside: the events in the command-side store, the
 * records on the topic, what each projection applied (its per-aggregate high-water marks) and parked, and
 * analytics' figures recomputed from its ledger. Every check says what it expected and what it found; a
 * report is clean when every check holds. A platform under load may be behind for a moment: callers that
 * need a settled answer run it again until it is clean or a deadline passes ({@link #settle}).
 */
public final class Reconciliation {

    /** Where the platform keeps its state. The three databases are JDBC URLs; the user needs read access. */
    public record Settings(String commandDb, String queryDb, String analyticsDb, String user, String password,
                           String bootstrapServers, String topic) {
        public Settings {
            Objects.requireNonNull(commandDb, "commandDb");
            Objects.requireNonNull(queryDb, "queryDb");
            Objects.requireNonNull(analyticsDb, "analyticsDb");
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
        }
    }

    /** One line of the report; {@code examples} names up to five of what differs. */
    public record Check(String area, String what, long expected, long actual, List<String> examples) {
        public boolean holds() {
            return expected == actual;
        }
    }

    /** The whole reconciliation. */
    public record Report(List<Check> checks) {

        public boolean clean() {
            return checks.stream().allMatch(Check::holds);
        }

        public Check check(String area, String what) {
            return checks.stream().filter(c -> c.area.equals(area) && c.what.equals(what)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no check " + area + " / " + what));
        }

        /** The report as operators read it: one row per check, differences marked. */
        public String table() {
            int areaWidth = Math.max(4, checks.stream().mapToInt(c -> c.area.length()).max().orElse(0));
            int whatWidth = Math.max(5, checks.stream().mapToInt(c -> c.what.length()).max().orElse(0));
            String format = "%-" + areaWidth + "s  %-" + whatWidth + "s  %12s  %12s  %s%n";
            StringBuilder out = new StringBuilder(String.format(format, "area", "check", "expected", "found", ""));
            for (Check check : checks) {
                out.append(String.format(format, check.area, check.what, check.expected, check.actual,
                        check.holds() ? "ok" : "DIFFERS" + (check.examples.isEmpty() ? "" : " e.g. "
                                + String.join(", ", check.examples))));
            }
            out.append(clean() ? "clean: every check holds\n"
                    : checks.stream().filter(c -> !c.holds()).count() + " check(s) differ\n");
            return out.toString();
        }
    }

    private static final int EXAMPLES = 5;
    private static final JsonFactory JSON = new JsonFactory();

    private final Settings settings;

    public Reconciliation(Settings settings) {
        this.settings = settings;
    }

    /** Runs until the report is clean or {@code deadline} has passed; returns the last report. */
    public Report settle(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        Report report = run();
        while (!report.clean() && System.nanoTime() < end) {
            Thread.sleep(1_000);
            report = run();
        }
        return report;
    }

    public Report run() {
        List<Check> checks = new ArrayList<>();
        Map<String, Aggregate> stored = storedAggregates();
        long storedEvents = stored.values().stream().mapToLong(a -> a.count).sum();
        checks.add(new Check("store", "events stored", storedEvents, storedEvents, List.of()));
        List<String> holes = new ArrayList<>();
        for (Map.Entry<String, Aggregate> entry : stored.entrySet()) {
            if (entry.getValue().count != entry.getValue().last + 1) {
                holes.add(entry.getKey());
            }
        }
        checks.add(new Check("store", "aggregates with a sequence hole", 0, holes.size(), first(holes)));
        checkTopic(stored, storedEvents, checks);
        for (String[] database : new String[][] {{"query", settings.queryDb()}, {"analytics", settings.analyticsDb()}}) {
            checkProjections(database[0], database[1], stored, storedEvents, checks);
        }
        checkFigures(checks);
        return new Report(List.copyOf(checks));
    }

    private record Aggregate(long count, long last) {
    }

    private Map<String, Aggregate> storedAggregates() {
        Map<String, Aggregate> aggregates = new HashMap<>();
        query(settings.commandDb(), "SELECT aggregate_identifier, count(*), max(sequence_number) FROM domain_event_entry"
                + " GROUP BY aggregate_identifier", rs -> aggregates.put(rs.getString(1),
                new Aggregate(rs.getLong(2), rs.getLong(3))));
        return aggregates;
    }

    private void checkTopic(Map<String, Aggregate> stored, long storedEvents, List<Check> checks) {
        Map<String, BitSet> published = new HashMap<>();
        long records = 0;
        long undecodable = 0;
        long redelivered = 0;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(settings.topic(), Duration.ofSeconds(30));
            List<TopicPartition> partitions = infos == null ? List.of()
                    : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the topic " + settings.topic() + " could not be read to its end");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    Position position = position(record.value());
                    if (position == null) {
                        undecodable++;
                        continue;
                    }
                    BitSet sequences = published.computeIfAbsent(position.aggregate, a -> new BitSet());
                    if (sequences.get(position.sequence)) {
                        redelivered++;
                    }
                    sequences.set(position.sequence);
                }
            }
        }
        long found = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Aggregate> entry : stored.entrySet()) {
            BitSet sequences = published.getOrDefault(entry.getKey(), new BitSet());
            int present = sequences.get(0, (int) entry.getValue().last + 1).cardinality();
            found += present;
            if (present < entry.getValue().count) {
                int gap = sequences.nextClearBit(0);
                missing.add(entry.getKey() + ":" + gap);
            }
        }
        List<String> unknown = new ArrayList<>();
        long notStored = 0;
        for (Map.Entry<String, BitSet> entry : published.entrySet()) {
            Aggregate aggregate = stored.get(entry.getKey());
            int beyond = aggregate == null ? 0 : (int) aggregate.last + 1;
            long extra = entry.getValue().get(beyond, Math.max(beyond, entry.getValue().length())).cardinality();
            if (extra > 0) {
                notStored += extra;
                unknown.add(entry.getKey() + ":" + entry.getValue().nextSetBit(beyond));
            }
        }
        checks.add(new Check("topic", "stored events published", storedEvents, found, first(missing)));
        checks.add(new Check("topic", "events published but not stored", 0, notStored, first(unknown)));
        checks.add(new Check("topic", "records (redeliveries included)", records, records, List.of()));
        checks.add(new Check("topic", "records delivered more than once", redelivered, redelivered, List.of()));
        checks.add(new Check("topic", "records that are no event", undecodable, undecodable, List.of()));
    }

    private record Position(String aggregate, int sequence) {
    }

    /** The aggregate and sequence of an event envelope, read in one pass; null for what is no envelope. */
    private static Position position(byte[] value) {
        if (value == null) {
            return null;
        }
        String aggregate = null;
        long sequence = -1;
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("aggregateId".equals(field) && token == JsonToken.VALUE_STRING) {
                    aggregate = parser.getText();
                } else if ("sequence".equals(field) && token == JsonToken.VALUE_NUMBER_INT) {
                    sequence = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return aggregate == null || sequence < 0 || sequence > Integer.MAX_VALUE ? null
                : new Position(aggregate, (int) sequence);
    }

    private void checkProjections(String service, String url, Map<String, Aggregate> stored, long storedEvents,
                                  List<Check> checks) {
        List<String> projections = new ArrayList<>();
        query(url, "SELECT DISTINCT projection FROM projection_offset ORDER BY projection",
                rs -> projections.add(rs.getString(1)));
        if (projections.isEmpty()) {
            checks.add(new Check(service, "projections that ran", 1, 0, List.of()));
        }
        for (String projection : projections) {
            Map<String, Long> applied = new HashMap<>();
            query(url, "SELECT aggregate_id, last_sequence FROM projection_aggregate_position WHERE projection = ?",
                    rs -> applied.put(rs.getString(1), rs.getLong(2)), projection);
            Map<String, Long> parkedByAggregate = new HashMap<>();
            long[] parked = {0};
            query(url, "SELECT coalesce(aggregate_id, hold_key, record_key), count(*) FROM projection_parked"
                    + " WHERE projection = ? AND state = 'PARKED' GROUP BY 1", rs -> {
                        parkedByAggregate.put(rs.getString(1), rs.getLong(2));
                        parked[0] += rs.getLong(2);
                    }, projection);
            long appliedEvents = 0;
            long waiting = 0;
            List<String> behind = new ArrayList<>();
            List<String> ahead = new ArrayList<>();
            for (Map.Entry<String, Aggregate> entry : stored.entrySet()) {
                long last = applied.getOrDefault(entry.getKey(), -1L);
                long storedLast = entry.getValue().last;
                appliedEvents += Math.min(last, storedLast) + 1;
                if (last > storedLast) {
                    ahead.add(entry.getKey() + ":" + last);
                }
                if (last < storedLast) {
                    long missing = storedLast - last - parkedByAggregate.getOrDefault(entry.getKey(), 0L);
                    if (missing > 0) {
                        waiting += missing;
                        behind.add(entry.getKey() + ":" + (last + 1));
                    }
                }
            }
            for (String aggregate : applied.keySet()) {
                if (!stored.containsKey(aggregate)) {
                    ahead.add(aggregate + ":" + applied.get(aggregate));
                }
            }
            String area = service + "/" + projection;
            checks.add(new Check(area, "stored events applied", storedEvents, appliedEvents, first(behind)));
            checks.add(new Check(area, "events parked", 0, parked[0], first(new ArrayList<>(parkedByAggregate.keySet()))));
            checks.add(new Check(area, "events neither applied nor parked", 0, waiting, first(behind)));
            checks.add(new Check(area, "aggregates applied beyond the store", 0, ahead.size(), first(ahead)));
        }
    }

    /**
     * analytics' stored figures against its ledger: every ledger row once; each member's figures the sums of
     * their ledger rows; each community's sums, active members (any contribution or benefit) and members
     * benefiting more (benefit greater than contribution) recomputed from the members' figures.
     */
    private void checkFigures(List<Check> checks) {
        long[] duplicates = {0};
        query(settings.analyticsDb(), "SELECT count(*) - count(DISTINCT (model, event_id, member_id, signal))"
                + " FROM ledger_entry", rs -> duplicates[0] = rs.getLong(1));
        checks.add(new Check("analytics/figures", "ledger rows counted twice", 0, duplicates[0], List.of()));

        // One pass over the ledger, per (model, community, member): the member figures, and from them the
        // community's sums, active members (any contribution or benefit) and members benefiting more.
        Map<String, BigDecimal[]> fromLedger = new TreeMap<>();
        Map<String, BigDecimal[]> recomputed = new TreeMap<>();
        query(settings.analyticsDb(), "SELECT model, community_id, member_id, sum(contribution), sum(benefit),"
                + " sum(organization_benefit) FROM ledger_entry GROUP BY model, community_id, member_id", rs -> {
                    String community = rs.getString(1) + "/" + rs.getString(2);
                    BigDecimal contribution = rs.getBigDecimal(4);
                    BigDecimal benefit = rs.getBigDecimal(5);
                    fromLedger.put(community + "/" + rs.getString(3), new BigDecimal[] {contribution, benefit});
                    BigDecimal[] sums = recomputed.computeIfAbsent(community, k -> new BigDecimal[] {
                            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                    sums[0] = sums[0].add(contribution);
                    sums[1] = sums[1].add(benefit);
                    sums[2] = sums[2].add(rs.getBigDecimal(6));
                    if (contribution.signum() != 0 || benefit.signum() != 0) {
                        sums[3] = sums[3].add(BigDecimal.ONE);
                    }
                    if (benefit.compareTo(contribution) > 0) {
                        sums[4] = sums[4].add(BigDecimal.ONE);
                    }
                });
        Map<String, BigDecimal[]> storedMembers = new TreeMap<>();
        query(settings.analyticsDb(), "SELECT model, community_id, member_id, contribution, benefit FROM member_figures",
                rs -> storedMembers.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                        new BigDecimal[] {rs.getBigDecimal(4), rs.getBigDecimal(5)}));
        List<String> memberDiffs = differing(fromLedger, storedMembers);
        checks.add(new Check("analytics/figures", "member figures differing from the ledger", 0, memberDiffs.size(),
                first(memberDiffs)));

        Map<String, BigDecimal[]> storedCommunities = new TreeMap<>();
        query(settings.analyticsDb(), "SELECT model, community_id, contribution, benefit, organization_benefit,"
                + " active_members, members_benefiting_more FROM community_figures"
                + " WHERE contribution <> 0 OR benefit <> 0 OR organization_benefit <> 0 OR active_members <> 0",
                rs -> storedCommunities.put(rs.getString(1) + "/" + rs.getString(2), new BigDecimal[] {
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7)}));
        List<String> communityDiffs = differing(recomputed, storedCommunities);
        checks.add(new Check("analytics/figures", "community figures differing from the ledger", 0,
                communityDiffs.size(), first(communityDiffs)));
    }

    static List<String> differing(Map<String, BigDecimal[]> expected, Map<String, BigDecimal[]> actual) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> entry : expected.entrySet()) {
            BigDecimal[] found = actual.get(entry.getKey());
            // No row is the same as a row of zeros: a member whose entries are all worth nothing (a like given,
            // weighted 0) has ledger rows but no figures row.
            if (found == null ? !allZero(entry.getValue()) : !equal(entry.getValue(), found)) {
                keys.add(entry.getKey());
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key) && !allZero(actual.get(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static boolean allZero(BigDecimal[] values) {
        return java.util.Arrays.stream(values).allMatch(v -> v.signum() == 0);
    }

    private static boolean equal(BigDecimal[] a, BigDecimal[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].compareTo(b[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> first(List<String> items) {
        return List.copyOf(items.subList(0, Math.min(EXAMPLES, items.size())));
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String url, String sql, RowHandler handler, Object... parameters) {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "platform-verify");
        try (Connection connection = DriverManager.getConnection(url, properties);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }
}
