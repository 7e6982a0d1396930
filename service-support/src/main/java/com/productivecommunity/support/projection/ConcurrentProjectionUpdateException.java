package com.productivecommunity.support.projection;

/**
 * Another writer moved a partition's stored state since this consumer read it: another instance of the
 * projection took the partition over, or an operator retried or skipped one of its parked events.
 */
class ConcurrentProjectionUpdateException extends RuntimeException {
    ConcurrentProjectionUpdateException(String projection, String topic, java.util.Collection<Integer> partitions) {
        super("Stored state of projection " + projection + " on " + topic + " partitions " + partitions
                + " was changed by another writer; the batch is rolled back and re-read");
    }
}
