package com.productivecommunity.support.projection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Honours {@code X-Await-Position: <aggregateId>:<sequence>[,...]} before the controller runs: waits
 * until this service's projections applied those events, at most the read-your-writes timeout, then
 * answers anyway, with {@code X-Position-Reached: false} if the wait timed out ({@code true} otherwise).
 */
public class AwaitPositionInterceptor implements HandlerInterceptor {

    public static final String AWAIT_HEADER = "X-Await-Position";
    public static final String REACHED_HEADER = "X-Position-Reached";

    private final ProjectionPositions positions;
    private final Duration timeout;

    public AwaitPositionInterceptor(ProjectionPositions positions, Duration timeout) {
        this.positions = positions;
        this.timeout = timeout;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String header = request.getHeader(AWAIT_HEADER);
        if (header == null || header.isBlank() || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            return true;
        }
        List<EventPosition> awaited;
        try {
            awaited = EventPosition.parseList(header);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, AWAIT_HEADER + ": " + e.getMessage());
        }
        boolean reached = positions.awaitApplied(awaited, timeout);
        response.setHeader(REACHED_HEADER, Boolean.toString(reached));
        return true;
    }
}
