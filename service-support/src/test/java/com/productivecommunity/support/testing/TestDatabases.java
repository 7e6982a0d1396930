package com.productivecommunity.support.testing;

import com.productivecommunity.support.database.DatabaseBootstrap;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a test gets a PostgreSQL database: every test JVM works in databases of its own, created
 * here on first use, so no test depends on another test, an earlier run or a concurrent run (another
 * checkout, another module) having made, filled or left one. Names are
 * {@code pc_<purpose>_<run>_test} ({@code _sys} for the system tests), {@code <run>} naming this JVM;
 * the databases of runs whose JVM is gone, or that started over {@link #STALE_AFTER} ago, are dropped
 * the first time a run asks for one. {@code .ci/run} drops every {@code *_test} and {@code *_sys}
 * database before the suite, so CI always starts from a server that holds none of them.
 */
public final class TestDatabases {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";
    static final Duration STALE_AFTER = Duration.ofHours(3);

    private static final long STARTED = System.currentTimeMillis();
    private static final long PID = ProcessHandle.current().pid();
    private static final String RUN = "r" + Long.toString(STARTED, 36) + "p" + PID;
    private static final Pattern OURS = Pattern.compile("pc_[a-z0-9_]+_r([0-9a-z]+)p([0-9]+)_(test|sys)");
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_]{0,30}");
    private static final Map<String, String> created = new ConcurrentHashMap<>();
    private static volatile boolean staleDropped;

    private TestDatabases() {
    }

    /** JDBC URL of this run's database for {@code purpose} (e.g. "query"), created on first use. */
    public static String url(String purpose) {
        return SERVER + name(purpose, "test");
    }

    /** Like {@link #url}, for the packaged services of the system tests ({@code _sys}). */
    public static String systemUrl(String purpose) {
        return SERVER + name(purpose, "sys");
    }

    /** The database's name: {@code pc_<purpose>_<run>_<suffix>}, created on first use. */
    public static String name(String purpose, String suffix) {
        if (!PURPOSE.matcher(purpose).matches() || !(suffix.equals("test") || suffix.equals("sys"))) {
            throw new IllegalArgumentException("purpose: lower-case letters, digits, underscores; suffix test or sys");
        }
        return created.computeIfAbsent(purpose + "/" + suffix, key -> {
            dropStaleOnce();
            String name = "pc_" + purpose + "_" + RUN + "_" + suffix;
            DatabaseBootstrap.createIfMissing(SERVER + name, USER, null);
            return name;
        });
    }

    /**
     * The suffix that makes a database name this run's ({@code _<run>_test} or {@code _<run>_sys}), for
     * databases that something else creates under a test's control (the platform script's, say).
     */
    public static String runSuffix(String suffix) {
        if (!(suffix.equals("test") || suffix.equals("sys"))) {
            throw new IllegalArgumentException("suffix test or sys");
        }
        dropStaleOnce();
        return "_" + RUN + "_" + suffix;
    }

    /** Creates a database whose name a test made with {@link #runSuffix} (so later runs clean it up too). */
    public static void createByName(String name) {
        if (!OURS.matcher(name).matches() || !name.contains("_" + RUN + "_")) {
            throw new IllegalArgumentException(name + " is not a database name of this run");
        }
        DatabaseBootstrap.createIfMissing(SERVER + name, USER, null);
    }

    /** A name of this run's pattern that nothing has created, for tests of database creation itself. */
    public static String uncreatedName(String purpose) {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose: lower-case letters, digits, underscores");
        }
        dropStaleOnce();
        return "pc_" + purpose + "_" + RUN + "_test";
    }

    /** Drops a database of this run (e.g. to start a test from nothing); the next {@link #name} call creates it. */
    public static void drop(String purpose, String suffix) {
        String name = created.remove(purpose + "/" + suffix);
        if (name != null) {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static synchronized void dropStaleOnce() {
        if (staleDropped) {
            return;
        }
        staleDropped = true;
        for (String database : stale()) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Databases of earlier runs: their JVM has exited, or they are older than any run lasts. */
    static List<String> stale() {
        List<String> stale = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, null);
             Statement statement = admin.createStatement();
             var rows = statement.executeQuery("SELECT datname FROM pg_database")) {
            while (rows.next()) {
                String database = rows.getString(1);
                Matcher ours = OURS.matcher(database);
                if (!ours.matches() || database.contains("_" + RUN + "_")) {
                    continue;
                }
                long started = Long.parseLong(ours.group(1), 36);
                long pid = Long.parseLong(ours.group(2));
                boolean gone = ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
                if (gone || STARTED - started > STALE_AFTER.toMillis()) {
                    stale.add(database);
                }
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
        return stale;
    }

    private static void execute(String sql) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, null);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private static IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException("The tests need PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth): "
                + e.getMessage(), e);
    }
}
