/** Signed tree heads: (size, root, timestamp) signed with Ed25519, and the keys that sign them. */
package com.productivecommunity.audit.head;
