/**
 * RFC 6962/9162 Merkle tree hashing over stored hashes addressed by a dense index (the layout of
 * Crosby and Wallach, also used by Go's sumdb tlog): appending, tree heads, inclusion and
 * consistency proofs, and their verification.
 */
package com.productivecommunity.audit.merkle;
