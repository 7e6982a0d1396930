package com.productivecommunity.web.session;

import com.productivecommunity.web.gateway.GatewayProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local login: the user name and password are checked by asking query-service for one feed item with HTTP Basic;
 * on success the Basic credential is kept in the HTTP session (cookie HttpOnly, SameSite=Lax) and the browser
 * never sees it again.
 */
@RestController
@Profile("!prod")
class SessionLogin implements UpstreamCredentials {

    static final String MEMBER = "platform.member";
    private static final String AUTHORIZATION = "platform.authorization";

    private final GatewayProperties services;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    SessionLogin(GatewayProperties services) {
        this.services = services;
    }

    record Login(String user, String password) {
    }

    @PostMapping("/login")
    ResponseEntity<?> login(@RequestBody Login login, HttpServletRequest request) {
        String user = login.user() == null ? "" : login.user().trim();
        String password = login.password() == null ? "" : login.password();
        if (user.isEmpty() || password.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Please enter your user name and your password.");
        }
        String authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(services.queryUrl() + "/api/feed?limit=1"))
                    .header("Authorization", authorization).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return problem(HttpStatus.BAD_GATEWAY, "The platform cannot be reached right now, so you cannot sign in. Please try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Signing in was interrupted. Please try again.");
        }
        if (status == 401 || status == 403) {
            return problem(HttpStatus.UNAUTHORIZED, "Wrong user name or password.");
        }
        if (status != 200) {
            return problem(HttpStatus.BAD_GATEWAY, "The platform could not check your password (it answered " + status + "). Please try again in a moment.");
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(MEMBER, user);
        session.setAttribute(AUTHORIZATION, authorization);
        return ResponseEntity.ok(Map.of("name", user));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    ResponseEntity<?> me(HttpServletRequest request) {
        return member(request)
                .<ResponseEntity<?>>map(name -> ResponseEntity.ok(Map.of("name", name)))
                .orElseGet(() -> problem(HttpStatus.UNAUTHORIZED, "Please sign in."));
    }

    @Override
    public Optional<String> authorization(HttpServletRequest request, HttpServletResponse response) {
        return attribute(request, AUTHORIZATION);
    }

    static Optional<String> member(HttpServletRequest request) {
        return attribute(request, MEMBER);
    }

    private static Optional<String> attribute(HttpServletRequest request, String name) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(name));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
