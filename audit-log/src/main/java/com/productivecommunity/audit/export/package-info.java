/**
 * The audit export: JSON lines (a header, one line per event, signed tree heads where the tree
 * reached their size, an end line), written and read as a stream in constant memory.
 */
package com.productivecommunity.audit.export;
