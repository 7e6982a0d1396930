/**
 * Exports for auditors and analysts (a community's ledger, member figures, community figures and trail) as CSV or
 * JSON, streamed from the ledger, each with the model version, the asOf and the signed tree head of command-service's
 * audit log that covers the last event it reflects (or a plain statement that none does yet).
 */
package com.productivecommunity.analytics.export;
