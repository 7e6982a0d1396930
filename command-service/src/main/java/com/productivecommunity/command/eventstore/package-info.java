/** Axon's event store on PostgreSQL: bytea columns, schema versions as revisions, shared upcasters, snapshots. */
package com.productivecommunity.command.eventstore;
