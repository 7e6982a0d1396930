package com.productivecommunity.query.projection;

import com.productivecommunity.support.projection.ProjectedEvent;
import java.util.List;

/** Published after a batch of events committed to the read model: live feeds push what changed. */
public record EventsApplied(List<ProjectedEvent> events) {
}
