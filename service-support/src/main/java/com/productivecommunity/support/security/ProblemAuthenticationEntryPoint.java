package com.productivecommunity.support.security;

import com.productivecommunity.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem details, with the challenge the setup expects (Basic locally, Bearer with JWT). A
 * refused bearer token is an {@code invalid_token} (RFC 6750) whose description says which check failed; it
 * names claims, never their values.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String challenge;

    ProblemAuthenticationEntryPoint(String challenge) {
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof OAuth2AuthenticationException oauth && challenge.startsWith("Bearer")) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            String description = oauth.getError().getDescription();
            Problems.write(response, HttpStatus.UNAUTHORIZED, "The bearer token was refused"
                    + (description == null ? "" : ": " + description), request.getRequestURI());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        Problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication is required", request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(response, HttpStatus.FORBIDDEN, "Not allowed", request.getRequestURI());
    }
}
