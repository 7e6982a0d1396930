/** The write side: applies batches of events to the ledger, rule state and figures in analytics' PostgreSQL. */
package com.productivecommunity.analytics.ledger;
