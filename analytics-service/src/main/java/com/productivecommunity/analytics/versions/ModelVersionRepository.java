package com.productivecommunity.analytics.versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.productivecommunity.analytics.model.Signal;
import com.productivecommunity.analytics.model.ValueModel;
import com.productivecommunity.analytics.versions.ModelVersion.State;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** model_version, model_action and model_default. */
@Repository
class ModelVersionRepository {

    record Action(String model, String action, String actor, Instant at, String detail) {
    }

    private static final String COLUMNS = "name, description, derived_from, productive_share_threshold, weights::text,"
            + " lane, state, created_by, created_at, replay_started_at, caught_up_at, failure, replay_until";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    ModelVersionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a version of that name exists (retired ones included: names are never reused). */
    boolean insert(ModelVersion v) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        v.model().weights().forEach((signal, weight) -> weights.put(signal.name(), weight));
        String weightsJson;
        try {
            weightsJson = json.writeValueAsString(weights);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return jdbc.update("INSERT INTO model_version (name, description, derived_from, productive_share_threshold,"
                + " weights, lane, state, created_by, created_at, replay_started_at, replay_until) VALUES (?, ?, ?, ?,"
                + " ?::jsonb, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING", v.name(), v.model().description(),
                v.derivedFrom(), v.model().productiveShareThreshold(), weightsJson, v.lane(), v.state().name(),
                v.createdBy(), ts(v.createdAt()), ts(v.replayStartedAt()), ts(v.until())) == 1;
    }

    Optional<ModelVersion> find(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_version WHERE name = ?", this::row, name).stream()
                .findFirst();
    }

    List<ModelVersion> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_version ORDER BY created_at, name", this::row);
    }

    /** The versions a lane applies (not retired), oldest first. */
    List<ModelVersion> live(String lane) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_version WHERE lane = ? AND state <> ?"
                + " ORDER BY created_at, name", this::row, lane, State.RETIRED.name());
    }

    /** The same, the rows locked until the caller's transaction ends. */
    List<ModelVersion> liveForUpdate(String lane) {
        return jdbc.query("SELECT " + COLUMNS + " FROM model_version WHERE lane = ? AND state <> ?"
                + " ORDER BY created_at, name FOR UPDATE", this::row, lane, State.RETIRED.name());
    }

    /**
     * Moves every version of a lane whose replay is the one started at {@code startedAt} (a lane's versions share
     * its pass and its start) from one of {@code from} to {@code to}; the names moved. A sample taken before the
     * lane was restarted (another start) moves nothing.
     */
    List<String> moveLane(String lane, Instant startedAt, List<State> from, State to, String failure, Instant caughtUpAt) {
        List<Object> params = new java.util.ArrayList<>(List.of(to.name()));
        params.add(failure);
        params.add(ts(caughtUpAt));
        params.add(lane);
        from.forEach(state -> params.add(state.name()));
        params.add(ts(startedAt));
        String states = String.join(", ", java.util.Collections.nCopies(from.size(), "?"));
        return jdbc.queryForList("UPDATE model_version SET state = ?, failure = ?::text,"
                + " caught_up_at = coalesce(?::timestamptz, caught_up_at) WHERE lane = ? AND state IN (" + states + ")"
                + " AND replay_started_at IS NOT DISTINCT FROM ?::timestamptz RETURNING name", String.class,
                params.toArray());
    }

    void replaying(String name, Instant startedAt) {
        jdbc.update("UPDATE model_version SET state = ?, replay_started_at = ?, caught_up_at = NULL, failure = NULL"
                + " WHERE name = ?", State.QUEUED.name(), ts(startedAt), name);
    }

    void state(String name, State state, String failure) {
        jdbc.update("UPDATE model_version SET state = ?, failure = ? WHERE name = ?", state.name(), failure, name);
    }

    void caughtUp(String name, Instant at) {
        jdbc.update("UPDATE model_version SET state = ?, caught_up_at = ?, failure = NULL WHERE name = ?",
                State.CAUGHT_UP.name(), ts(at), name);
    }

    void record(String model, String action, String actor, Instant at, String detail) {
        jdbc.update("INSERT INTO model_action (model, action, actor, at, detail) VALUES (?, ?, ?, ?, ?)", model, action,
                actor, ts(at), detail);
    }

    Map<String, List<Action>> actions() {
        Map<String, List<Action>> byModel = new LinkedHashMap<>();
        jdbc.query("SELECT model, action, actor, at, detail FROM model_action ORDER BY id", rs -> {
            Action a = new Action(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5));
            byModel.computeIfAbsent(a.model(), k -> new java.util.ArrayList<>()).add(a);
        });
        return byModel;
    }

    Optional<String> defaultModel() {
        return jdbc.queryForList("SELECT model FROM model_default", String.class).stream().findFirst();
    }

    /** One statement: every read after it resolves the new default. */
    void setDefault(String name) {
        jdbc.update("INSERT INTO model_default (singleton, model) VALUES (true, ?)"
                + " ON CONFLICT (singleton) DO UPDATE SET model = EXCLUDED.model", name);
    }

    void setDefaultIfNone(String name) {
        jdbc.update("INSERT INTO model_default (singleton, model) VALUES (true, ?) ON CONFLICT DO NOTHING", name);
    }

    /** Kafka offsets a lane has stored, per partition. */
    Map<Integer, Long> storedOffsets(String lane, String topic) {
        Map<Integer, Long> offsets = new LinkedHashMap<>();
        jdbc.query("SELECT partition, next_offset FROM projection_offset WHERE projection = ? AND topic = ?",
                rs -> {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }, lane, topic);
        return offsets;
    }

    private ModelVersion row(ResultSet rs, int n) throws SQLException {
        Map<Signal, BigDecimal> weights = new EnumMap<>(Signal.class);
        try {
            json.readTree(rs.getString(5)).fields().forEachRemaining(f ->
                    weights.put(Signal.valueOf(f.getKey()), new BigDecimal(f.getValue().asText())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model_version " + rs.getString(1) + " has unreadable weights", e);
        }
        ValueModel model = new ValueModel(rs.getString(1), rs.getString(2), weights, rs.getBigDecimal(4));
        return new ModelVersion(model, rs.getString(3), instant(rs, 13), rs.getString(6),
                State.valueOf(rs.getString(7)), rs.getString(8), instant(rs, 9), instant(rs, 10), instant(rs, 11),
                rs.getString(12));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
