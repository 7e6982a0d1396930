package com.productivecommunity.web.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The seam between a signed-in browser session and the services: the {@code Authorization} header value the
 * gateway adds to a forwarded call. Locally it is HTTP Basic against the demo directory ({@link SessionLogin});
 * with an identity provider it is {@code Bearer <access token>} of the session's OAuth2 client (see README).
 */
public interface UpstreamCredentials {

    Optional<String> authorization(HttpServletRequest request, HttpServletResponse response);
}
