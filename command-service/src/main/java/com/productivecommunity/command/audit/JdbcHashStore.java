package com.productivecommunity.command.audit;

import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.HashStore;
import com.productivecommunity.audit.merkle.StoredHashes;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tree's stored hashes in {@code audit_hash}; reads take part in the caller's transaction. */
@Component
class JdbcHashStore implements HashStore {

    private final JdbcTemplate jdbc;

    JdbcHashStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Hash> readHashes(long[] indexes) {
        if (indexes.length == 0) {
            return List.of();
        }
        Long[] boxed = new Long[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            boxed[i] = indexes[i];
        }
        Map<Long, Hash> found = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT index, hash FROM audit_hash WHERE index = ANY (?)");
            Array array = connection.createArrayOf("bigint", boxed);
            statement.setArray(1, array);
            return statement;
        }, rs -> {
            found.put(rs.getLong(1), Hash.of(rs.getBytes(2)));
        });
        List<Hash> hashes = new ArrayList<>(indexes.length);
        for (long index : indexes) {
            Hash hash = found.get(index);
            if (hash == null) {
                throw new IllegalStateException("audit_hash has no stored hash at index " + index);
            }
            hashes.add(hash);
        }
        return hashes;
    }

    @Override
    public List<Hash> readRange(long fromIndex, int count) {
        if (count == 0) {
            return List.of();
        }
        List<Hash> hashes = new ArrayList<>(count);
        long[] expected = {fromIndex};
        jdbc.query("SELECT index, hash FROM audit_hash WHERE index >= ? AND index < ? ORDER BY index", rs -> {
            if (rs.getLong(1) != expected[0]) {
                throw new IllegalStateException("audit_hash has no stored hash at index " + expected[0]);
            }
            hashes.add(Hash.of(rs.getBytes(2)));
            expected[0]++;
        }, fromIndex, fromIndex + count);
        if (hashes.size() != count) {
            throw new IllegalStateException("audit_hash has no stored hash at index " + expected[0]);
        }
        return hashes;
    }

    void insert(StoredHashes hashes) {
        List<Object[]> rows = new ArrayList<>(hashes.hashes().size());
        for (int i = 0; i < hashes.hashes().size(); i++) {
            rows.add(new Object[] {hashes.indexOf(i), hashes.hashes().get(i).toBytes()});
        }
        jdbc.batchUpdate("INSERT INTO audit_hash (index, hash) VALUES (?, ?)", rows);
    }
}
