/** Applies the domain events from Kafka to a service's own PostgreSQL projections, with an exactly-once effect. */
package com.productivecommunity.support.projection;
