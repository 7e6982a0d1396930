package com.productivecommunity.analytics.ledger;

import com.productivecommunity.support.projection.ProjectedEvent;
import com.productivecommunity.support.projection.Projection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The analytics read model as a Kafka projection: the shared machinery hands over each batch without
 * redeliveries, inside the transaction that also stores the offsets.
 */
@Component
class AnalyticsProjection implements Projection {

    static final String NAME = "analytics";

    private final LedgerStore store;

    AnalyticsProjection(LedgerStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(List<ProjectedEvent> events) {
        store.apply(events.stream().map(ProjectedEvent::event).toList());
    }

    @Override
    public void reset() {
        store.reset();
    }
}
