/** Login, logout and "who am I": the credential stays in the server-side HTTP session, never in the browser. */
package com.productivecommunity.web.session;
