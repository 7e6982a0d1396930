package com.productivecommunity.command.api;

import com.productivecommunity.command.rules.Rejection;
import com.productivecommunity.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place a domain {@link Rejection} becomes HTTP: problem+json with the status of its kind, the
 * rejection's text as {@code detail} and, for invalid input, the {@code field} at fault — the same shape as
 * every other problem (service-support's {@link Problems#detail}).
 */
@RestControllerAdvice
// Ahead of service-support's advice, which answers what is left (Spring MVC's own failures, unexpected ones).
@Order(Ordered.HIGHEST_PRECEDENCE)
class RejectionAdvice {

    @ExceptionHandler(Rejection.class)
    ResponseEntity<ProblemDetail> rejected(Rejection rejection, HttpServletRequest request) {
        HttpStatus status = status(rejection.kind());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.detail(status, rejection.getMessage(), rejection.field(), request.getRequestURI()));
    }

    static HttpStatus status(Rejection.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }
}
