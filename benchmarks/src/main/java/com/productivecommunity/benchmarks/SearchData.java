package com.productivecommunity.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads N contributions over C communities straight into a query-service database that the service's own
 * Flyway migrations created (so the generated {@code search} columns and their GIN indexes are the shipped
 * ones): {@code INSERT … SELECT generate_series}, the words made up in SQL. The vocabulary has 50,000 words;
 * a word's index is {@code floor(50000 · random()²)}, so low indices are common: word 0 is in about 13% of the
 * contributions, word 100 in about 0.7%, word 40,000 in about 0.03% (title 6 words, body 30 words).
 * The contribution GIN index is dropped during the load and built again from its migrated definition.
 */
final class SearchData {

    static final int VOCABULARY = 50_000;
    private static final String SYLLABLES = "kalomirutavizobudufagohijunuposi";

    private SearchData() {
    }

    /** The benchmark's word with index {@code i} (the same as SQL's {@code pg_temp.bench_word(i)}). */
    static String word(int i) {
        StringBuilder word = new StringBuilder();
        for (int shift = 0; shift < 4; shift++) {
            int s = (i >> (4 * shift)) & 15;
            word.append(SYLLABLES, 2 * s, 2 * s + 2);
        }
        return word.toString();
    }

    static String communityId(int index) {
        return uuid("c" + index);
    }

    private static String uuid(String seed) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hex = java.util.HexFormat.of().formatHex(md5);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                    + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void load(String database, long contributions, int communities) throws SQLException {
        try (Connection connection = BenchPlatform.connect(database); Statement sql = connection.createStatement()) {
            sql.execute("SET maintenance_work_mem = '256MB'");
            sql.execute("SELECT setseed(0.42)");
            sql.execute("CREATE FUNCTION pg_temp.bench_word(i int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT"
                    + " substr('" + SYLLABLES + "', 1 + 2 * (i & 15), 2) || substr('" + SYLLABLES + "', 1 + 2 * ((i >> 4) & 15), 2)"
                    + " || substr('" + SYLLABLES + "', 1 + 2 * ((i >> 8) & 15), 2) || substr('" + SYLLABLES + "', 1 + 2 * ((i >> 12) & 15), 2) $$");
            String word = "pg_temp.bench_word(floor(" + VOCABULARY + " * random() ^ 2)::int)";
            sql.execute("INSERT INTO community (community_id, name, purpose, founded_at, member_count)"
                    + " SELECT md5('c' || g)::uuid, 'Community ' || pg_temp.bench_word(g) || ' ' || pg_temp.bench_word(g + 20000),"
                    + " (SELECT string_agg(" + word + ", ' ') FROM generate_series(1, 12 + 0 * g)), now() - interval '400 days', 10"
                    + " FROM generate_series(0, " + (communities - 1) + ") g");
            String index;
            try (ResultSet rows = sql.executeQuery("SELECT pg_get_indexdef('contribution_search'::regclass)")) {
                rows.next();
                index = rows.getString(1);
            }
            sql.execute("DROP INDEX contribution_search");
            long batch = 100_000;
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contribution (contribution_id,"
                    + " community_id, author_id, kind, title, body, posted_at)"
                    + " SELECT md5('x' || g)::uuid, md5('c' || floor(" + communities + " * random() ^ 2)::int)::uuid,"
                    + " 'member' || floor(10000 * random())::int, (ARRAY['QUESTION', 'POST', 'IDEA'])[1 + g % 3],"
                    + " initcap((SELECT string_agg(" + word + ", ' ') FROM generate_series(1, 6 + 0 * g))),"
                    + " (SELECT string_agg(" + word + ", ' ') FROM generate_series(1, 30 + 0 * g)),"
                    + " now() - g * interval '1 second'"
                    + " FROM generate_series(?::bigint, ?::bigint) g")) {
                for (long from = 1; from <= contributions; from += batch) {
                    insert.setLong(1, from);
                    insert.setLong(2, Math.min(contributions, from + batch - 1));
                    insert.executeUpdate();
                    System.out.printf("    search data: %,d of %,d contributions (%.0f s)%n", Math.min(contributions, from + batch - 1),
                            contributions, (System.nanoTime() - start) / 1e9);
                }
            }
            long indexStart = System.nanoTime();
            sql.execute(index);
            System.out.printf("    search data: %s in %.0f s%n", index, (System.nanoTime() - indexStart) / 1e9);
            sql.execute("VACUUM ANALYZE contribution");
            sql.execute("VACUUM ANALYZE community");
            // A serving database has its pages in memory; right after the load they are not (the first queries of a
            // run read the disk). One pass over the table and the index puts them in the OS's cache.
            long warm = System.nanoTime();
            sql.execute("SELECT count(*) FROM contribution WHERE length(body) > 0 AND search IS NOT NULL");
            sql.execute("SET enable_seqscan = off");
            sql.execute("SELECT count(*) FROM contribution WHERE search @@ 'kakakaka'::tsquery");
            sql.execute("RESET enable_seqscan");
            System.out.printf("    search data: table and index read once in %.0f s%n", (System.nanoTime() - warm) / 1e9);
        }
    }

    /** How many contributions match {@code q} (for the notes: what a query class costs depends on it). */
    static long matches(String database, String q) throws SQLException {
        try (Connection connection = BenchPlatform.connect(database);
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM contribution WHERE search @@ websearch_to_tsquery('english', ?)")) {
            count.setString(1, q);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
