package com.productivecommunity.command.audit;

import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHead;
import com.productivecommunity.audit.merkle.Hash;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The signed tree heads in {@code audit_tree_head}, every one kept. */
@Component
class TreeHeads {

    private static final String COLUMNS = "size, root, timestamp_ms, signature";

    private final JdbcTemplate jdbc;

    TreeHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SignedTreeHead> latest() {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_tree_head ORDER BY size DESC LIMIT 1", TreeHeads::read)
                .stream().findFirst();
    }

    Optional<SignedTreeHead> ofSize(long size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_tree_head WHERE size = ?", TreeHeads::read, size)
                .stream().findFirst();
    }

    /** Heads of sizes {@code from..to}, smallest first. */
    void between(long from, long to, Consumer<SignedTreeHead> handler) {
        jdbc.query("SELECT " + COLUMNS + " FROM audit_tree_head WHERE size BETWEEN ? AND ? ORDER BY size",
                (RowCallbackHandler) rs -> handler.accept(read(rs, 0)), from, to);
    }

    void insert(SignedTreeHead signed, PublicKey key) {
        TreeHead head = signed.head();
        jdbc.update("INSERT INTO audit_tree_head (size, root, timestamp_ms, signature, key_id) VALUES (?, ?, ?, ?, ?)",
                head.size(), head.root().toBytes(), head.timestampMillis(), signed.signature(), SigningKeys.keyId(key));
    }

    private static SignedTreeHead read(ResultSet rs, int row) throws SQLException {
        return new SignedTreeHead(new TreeHead(rs.getLong(1), Hash.of(rs.getBytes(2)), Instant.ofEpochMilli(rs.getLong(3))),
                rs.getBytes(4));
    }
}
