package com.productivecommunity.support.projection;

/** Another consumer of the same projection stored offsets for a partition this batch came from. */
class ConcurrentProjectionUpdateException extends RuntimeException {
    ConcurrentProjectionUpdateException(String projection, String topic, int partition, Long expected, long next,
                                        java.util.List<Long> stored) {
        super("Offsets of projection " + projection + " on " + topic + "-" + partition
                + " were moved by another consumer (expected " + expected + ", found " + stored + ", moving to " + next
                + "); the batch is rolled back and re-read");
    }
}
