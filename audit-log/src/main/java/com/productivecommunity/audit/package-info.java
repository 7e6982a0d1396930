/**
 * Tamper-evident event log: an RFC 9162 Merkle tree over every stored event, signed tree heads,
 * the JSON-lines export and the offline verifier. Free of Spring and of any database; see
 * {@code audit-log/README.md} for the byte-level formats.
 */
package com.productivecommunity.audit;
