/**
 * The community trail: every event that changed one of a community's figures (organization benefit, active
 * members, members benefiting more, share benefiting more, the verdict), with each figure's value before and
 * after, recomputed from the ledger in the order the events were applied. Reads the ledger through its own SQL.
 */
package com.productivecommunity.analytics.trail;
