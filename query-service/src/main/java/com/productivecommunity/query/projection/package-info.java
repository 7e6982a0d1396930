/** Applies the domain events to query-service's tables, in batches, through the shared projection machinery. */
package com.productivecommunity.query.projection;
