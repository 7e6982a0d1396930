package com.productivecommunity.web.gateway;

import com.productivecommunity.web.session.UpstreamCredentials;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser calls docs/api.md's paths on this origin; each call goes to the service that owns it ({@link Route}),
 * with the session's credential. Status, body and the read-your-writes headers come back unchanged; live streams
 * are copied as they arrive, never buffered.
 */
@RestController
class GatewayController {

    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "X-Await-Position", "Last-Event-ID");
    private static final List<String> RESPONSE_HEADERS = List.of("X-Event-Position", "X-Position-Reached", "Location",
            "Content-Disposition", "X-Key-Id");
    private static final int MAX_BODY = 1024 * 1024;

    private final GatewayProperties services;
    private final UpstreamCredentials credentials;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    GatewayController(GatewayProperties services, UpstreamCredentials credentials) {
        this.services = services;
        this.credentials = credentials;
    }

    @RequestMapping("/api/**")
    void forward(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> authorization = credentials.authorization(request, response);
        if (authorization.isEmpty()) {
            problem(response, 401, "You are not signed in (or your session has ended). Please sign in again.");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Route route = Route.of(request.getMethod(), path);
        boolean stream = "GET".equals(request.getMethod()) && Route.isLiveStream(path);
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, 413, "What you sent is too large.");
            return;
        }
        String query = request.getQueryString();
        HttpRequest.Builder upstream = HttpRequest.newBuilder(URI.create(base(route) + path + (query == null ? "" : "?" + query)))
                .method(request.getMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", authorization.get());
        for (String name : REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                upstream.header(name, value);
            }
        }
        if (!stream) {
            upstream.timeout(services.timeout());
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            problem(response, 502, "The " + name(route) + " cannot be reached right now. Please try again in a moment; nothing you typed was lost.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(response, 503, "The request was interrupted. Please try again.");
            return;
        }
        response.setStatus(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
        for (String name : RESPONSE_HEADERS) {
            answer.headers().firstValue(name).ifPresent(value -> response.setHeader(name, value));
        }
        try (InputStream in = answer.body()) {
            if (stream) {
                copyLive(in, response);
            } else {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    private static void copyLive(InputStream in, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        OutputStream out = response.getOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        // Ends when the service closes the stream or the browser goes away (the write fails).
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private URI base(Route route) {
        return switch (route) {
            case COMMAND -> services.commandUrl();
            case QUERY -> services.queryUrl();
            case ANALYTICS -> services.analyticsUrl();
        };
    }

    private static String name(Route route) {
        return switch (route) {
            case COMMAND -> "service that records changes";
            case QUERY -> "service that shows communities and feeds";
            case ANALYTICS -> "service that computes the figures";
        };
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
