package com.productivecommunity.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Stored hashes in memory, 32 bytes each in large arrays (no object per hash): for tests, tools and
 * trees that fit in the heap (about 64 bytes per leaf).
 */
public final class MemoryHashStore implements HashStore {

    private static final int HASHES_PER_CHUNK = 1 << 15;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    /** Number of stored hashes. */
    public synchronized long size() {
        return size;
    }

    /** Appends a run that must start exactly where the store ends. */
    public synchronized void append(StoredHashes run) {
        if (run.firstIndex() != size) {
            throw new IllegalArgumentException("run starts at stored index " + run.firstIndex()
                    + " but the store holds " + size + " hashes");
        }
        for (Hash hash : run.hashes()) {
            int offset = (int) (size % HASHES_PER_CHUNK) * Hash.SIZE;
            if (offset == 0) {
                chunks.add(new byte[HASHES_PER_CHUNK * Hash.SIZE]);
            }
            hash.copyTo(chunks.get(chunks.size() - 1), offset);
            size++;
        }
    }

    /** Replaces a stored hash: what an attacker with write access could do (tests of detection). */
    public synchronized void overwrite(long index, Hash hash) {
        checkIndex(index);
        hash.copyTo(chunks.get((int) (index / HASHES_PER_CHUNK)), (int) (index % HASHES_PER_CHUNK) * Hash.SIZE);
    }

    @Override
    public synchronized List<Hash> readHashes(long[] indexes) {
        List<Hash> hashes = new ArrayList<>(indexes.length);
        for (long index : indexes) {
            checkIndex(index);
            hashes.add(Hash.of(chunks.get((int) (index / HASHES_PER_CHUNK)),
                    (int) (index % HASHES_PER_CHUNK) * Hash.SIZE));
        }
        return hashes;
    }

    private void checkIndex(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("no stored hash at index " + index + " (store holds " + size + ")");
        }
    }
}
