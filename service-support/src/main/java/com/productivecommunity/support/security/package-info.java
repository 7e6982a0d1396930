/** Who is acting: HTTP Basic against the demo directory locally, JWT in production, and the {@link com.productivecommunity.support.security.Member} controllers receive. */
package com.productivecommunity.support.security;
