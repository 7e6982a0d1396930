package com.productivecommunity.audit.merkle;

import java.util.List;

/**
 * New hashes to persist: {@code hashes.get(i)} belongs at stored index {@code firstIndex + i}. An
 * append always produces one contiguous run starting where the store ends.
 */
public record StoredHashes(long firstIndex, List<Hash> hashes) {

    public StoredHashes {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("negative stored index " + firstIndex);
        }
        hashes = List.copyOf(hashes);
    }

    /** The stored index one past the last hash of this run. */
    public long endIndex() {
        return firstIndex + hashes.size();
    }

    public long indexOf(int i) {
        return firstIndex + i;
    }
}
