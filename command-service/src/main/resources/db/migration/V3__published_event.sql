-- The store positions the Kafka publisher has published recently (a sliding window), written in the
-- same transaction as its token. Reconciling them against domain_event_entry reveals an event the
-- tracking processor skipped (stack-notes pitfall 3: a gap that was filled after it timed out).
CREATE TABLE published_event (
    global_index bigint PRIMARY KEY
);
