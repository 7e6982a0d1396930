package com.productivecommunity.audit.merkle;

import java.util.List;

/**
 * Read access to the stored hashes of a tree (see {@link StoredHashIndex} for the addressing). The
 * platform implements it over a table {@code (index bigint primary key, hash bytea)}; every
 * computation here reads O(log n) hashes in a single call.
 *
 * <p>Implementations must return exactly one hash per index asked, in the order asked, or throw
 * (a missing index is an error, never a silently shorter list); wrap checked exceptions such as
 * {@code SQLException} in an unchecked one.
 */
@FunctionalInterface
public interface HashStore {

    /** The hashes at {@code indexes}, in that order. Callers ask in increasing order where they can. */
    List<Hash> readHashes(long[] indexes);

    /** The hashes at {@code fromIndex, fromIndex + 1, ...}, {@code count} of them. */
    default List<Hash> readRange(long fromIndex, int count) {
        long[] indexes = new long[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = fromIndex + i;
        }
        return readHashes(indexes);
    }
}
