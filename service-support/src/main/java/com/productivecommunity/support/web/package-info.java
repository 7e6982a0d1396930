/**
 * Problem details (RFC 9457) for every failure a service answers, the body size limit, the per-member rate
 * limits and await cap, the shared defaults (operations endpoints, timeouts), and the exceptions services throw.
 */
package com.productivecommunity.support.web;
