/**
 * The tamper-evident log over the event store (issue 14 items 1 and 2, with audit-log's core): the appender
 * that follows {@code domain_event_entry} in global order and signs tree heads, the auditors' HTTP calls, and
 * the health check that re-verifies the chain. README "Audit log" says how and why.
 */
package com.productivecommunity.command.audit;
