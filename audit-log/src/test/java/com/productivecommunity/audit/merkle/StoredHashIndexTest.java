package com.productivecommunity.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredHashIndexTest {

    /** Simulates appends: each leaf writes its hash, then each subtree it completes, lowest first. */
    @Test
    void indexesAreTheOrderInWhichAppendsWriteTheHashes() {
        Map<String, Long> writtenAt = new HashMap<>();
        long next = 0;
        for (long leaf = 0; leaf < 5000; leaf++) {
            writtenAt.put("0/" + leaf, next++);
            for (int level = 1; ((leaf + 1) & ((1L << level) - 1)) == 0; level++) {
                writtenAt.put(level + "/" + ((leaf + 1) / (1L << level) - 1), next++);
            }
            assertThat(StoredHashIndex.count(leaf + 1)).isEqualTo(next);
        }
        writtenAt.forEach((node, index) -> {
            String[] parts = node.split("/");
            assertThat(StoredHashIndex.of(Integer.parseInt(parts[0]), Long.parseLong(parts[1]))).as(node).isEqualTo(index);
        });
    }

    @Test
    void largeTreesStayWithinRange() {
        long size = (1L << 40) + 12345;
        assertThat(StoredHashIndex.count(size)).isEqualTo(2 * size - Long.bitCount(size));
        assertThat(StoredHashIndex.of(40, 0)).isEqualTo(StoredHashIndex.ofLeaf((1L << 40) - 1) + 40);
        assertThatThrownBy(() -> StoredHashIndex.of(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredHashIndex.of(62, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
