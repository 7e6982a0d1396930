package com.productivecommunity.support.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a consumer knows of one partition it owns, so that a batch needs no read beyond its records: the
 * stored offset and its version, the highest applied sequence of the aggregates it has seen (or all of them,
 * when {@link #complete}), and which aggregates are held by parked records. Written by the owning consumer
 * thread only, after its transaction committed; cleared when the partition is revoked.
 */
final class PartitionState {

    /**
     * A held aggregate: its events from sequence {@code from} on wait behind a parked record (0 for a record of
     * unknown sequence); {@code missing} is the sequence a gap waits for, or -1.
     */
    record Hold(long from, long missing) {
    }

    /** An aggregate's event. */
    record AggregateSequence(String aggregateId, long sequence) {
    }

    final int partition;
    /** Null when nothing is stored: the partition is read from its beginning. */
    volatile Long nextOffset;
    long version;
    final Map<String, Long> positions = new HashMap<>();
    /** True when every aggregate of this partition that is not in {@link #positions} has applied nothing. */
    boolean complete;
    Map<String, Hold> held = new HashMap<>();
    Set<AggregateSequence> parkedEvents = new HashSet<>();
    /** Whether a seek back to {@link #nextOffset} was already tried for records that started past it. */
    long soughtTo = -1;
    volatile long endOffset = -1;

    PartitionState(int partition) {
        this.partition = partition;
    }

    /** Rebuilds the holds from the open parked records, in offset order. */
    void holdFrom(List<ProjectionStore.ParkedRow> open) {
        held = new HashMap<>();
        parkedEvents = new HashSet<>();
        for (ProjectionStore.ParkedRow row : open) {
            if (row.holdKey() != null) {
                long from = row.sequence() != null && row.holdKey().equals(row.aggregateId()) ? row.sequence() : 0;
                long missing = row.reason() == ParkReason.GAP && row.missingSequence() != null ? row.missingSequence() : -1;
                held.merge(row.holdKey(), new Hold(from, missing), (a, b) -> a.from() <= b.from() ? a : b);
            }
            if (row.aggregateId() != null && row.sequence() != null) {
                parkedEvents.add(new AggregateSequence(row.aggregateId(), row.sequence()));
            }
        }
    }

    long lag() {
        Long next = nextOffset;
        long end = endOffset;
        if (end < 0) {
            return 0;
        }
        return Math.max(0, end - (next == null ? 0 : next));
    }
}
