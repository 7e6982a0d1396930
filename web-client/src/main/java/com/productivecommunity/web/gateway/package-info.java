/** Forwards the browser's docs/api.md calls to command-, query- or analytics-service, with the session's credentials. */
package com.productivecommunity.web.gateway;
