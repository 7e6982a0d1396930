/**
 * Who is acting: HTTP Basic against the demo directory locally, checked JWTs in production ({@code PlatformJwt}),
 * the {@link com.productivecommunity.support.security.Member} controllers receive, the closed operations endpoints
 * and the security headers. See docs/security.md.
 */
package com.productivecommunity.support.security;
