package com.productivecommunity.audit.verify;

import com.productivecommunity.audit.event.LeafEncoding;
import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.export.ExportWriter;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.TreeHeadSigner;
import com.productivecommunity.audit.merkle.MemoryHashStore;
import com.productivecommunity.audit.merkle.MerkleTree;
import com.productivecommunity.audit.merkle.StoredHashIndex;
import com.productivecommunity.audit.merkle.TreeAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A log as the platform would keep it: events appended in position order, their hashes in a
 * store, a signed tree head every {@code headEvery} events and one at the end.
 */
final class SampleLog {

    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    final List<LoggedEvent> events = new ArrayList<>();
    final MemoryHashStore store = new MemoryHashStore();
    final List<SignedTreeHead> heads = new ArrayList<>();
    final KeyPair keys;

    SampleLog(int count, int headEvery, KeyPair keys) {
        this.keys = keys;
        TreeHeadSigner signer = new TreeHeadSigner(keys);
        TreeAppender tree = TreeAppender.empty();
        UUID community = UUID.nameUUIDFromBytes("community".getBytes(StandardCharsets.UTF_8));
        for (int position = 1; position <= count; position++) {
            LoggedEvent event = event(position, community);
            events.add(event);
            store.append(tree.append(LeafEncoding.leafHash(event)));
            if (position % headEvery == 0 || position == count) {
                heads.add(signer.sign(position, tree.root(), START.plusSeconds(position)));
            }
        }
    }

    static LoggedEvent event(long position, UUID community) {
        String member = "member-" + (position % 7);
        String payload = "{\"contributionId\":\"c-" + position + "\",\"text\":\"answer number " + position + " \u00e9\"}";
        return new LoggedEvent(position, UUID.nameUUIDFromBytes(("event-" + position).getBytes(StandardCharsets.UTF_8)),
                "Contribution", "c-" + position, position % 3, "ContributionPosted", 1,
                position % 5 == 0 ? null : community, position % 11 == 0 ? null : member,
                START.plusMillis(position * 1_000 + 123).plusNanos(456_000), payload.getBytes(StandardCharsets.UTF_8),
                position % 2 == 0 ? null : ("{\"correlation\":\"" + position + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** The export the platform would stream, as text lines. */
    List<String> exportLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = new ExportWriter(out)) {
            writer.header(keys.getPublic());
            int next = 0;
            for (LoggedEvent event : events) {
                writer.event(event, MerkleTree.leafHash(event.leafIndex(), store));
                while (next < heads.size() && heads.get(next).head().size() == event.position()) {
                    writer.treeHead(heads.get(next++));
                }
            }
            writer.end();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last newline
        return lines;
    }

    long storedHashCount() {
        return StoredHashIndex.count(events.size());
    }
}
