/**
 * Checking the log without trusting it: the offline export verifier (library and command line)
 * and the incremental re-verification of stored hashes against the stored events.
 */
package com.productivecommunity.audit.verify;
