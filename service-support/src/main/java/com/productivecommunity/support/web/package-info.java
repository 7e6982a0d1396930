/** Problem details (RFC 9457) for every failure a service answers, the body size limit, and the exceptions services throw. */
package com.productivecommunity.support.web;
