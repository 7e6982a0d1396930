package com.productivecommunity.support.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure as {@code application/problem+json} with {@code status}, {@code title} and
 * {@code detail}. Spring MVC's own failures (unknown route 404, method 405, media type 415...) come from
 * the base class; this class words the ones a client must be able to fix. A path id of the wrong type
 * (e.g. not a UUID) names nothing that exists, so it is a 404; any other parameter of the wrong type is a 400.
 */
@RestControllerAdvice
// Last in line: a service's own advice (default order, registered before auto-configuration) wins a tie.
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(e, HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        return problem(e, HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e, WebRequest request) {
        return problem(e, HttpStatus.FORBIDDEN, e.getMessage(), request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, WebRequest request) {
        return problem(e, HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return problem(e, HttpStatus.NOT_FOUND, "No resource with " + e.getName() + " '" + e.getValue() + "'", request);
        }
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return problem(e, HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' must be a " + expected + ", got '" + e.getValue() + "'", request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = bodyTooLarge(e);
        if (tooLarge != null) {
            return problem(e, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), request);
        }
        return problem(e, HttpStatus.BAD_REQUEST, unreadableDetail(e), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        if (detail.isEmpty()) {
            detail = e.getBindingResult().getAllErrors().stream()
                    .map(error -> error.getDefaultMessage()).collect(Collectors.joining("; "));
        }
        return problem(e, HttpStatus.BAD_REQUEST, "Invalid request: " + detail, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .map(result -> result.getMethodParameter().getParameterName() + ": "
                        + result.getResolvableErrors().stream().map(error -> error.getDefaultMessage())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return problem(e, HttpStatus.BAD_REQUEST, "Invalid request: " + detail, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.putAll(headers);
        }
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(e, body, problemHeaders, status, request);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatus status, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
        }
        return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static String unreadableDetail(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return "Unknown value '" + invalid.getValue() + "' for " + path(invalid) + "; allowed: " + allowed;
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return "Wrong type for " + path(mismatched) + ": " + mismatched.getOriginalMessage();
        }
        if (cause instanceof JsonProcessingException json) {
            return "Malformed JSON: " + json.getOriginalMessage();
        }
        if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return "A request body is required";
        }
        return "Unreadable request body";
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the body" : "'" + path + "'";
    }

    /** The body-size rejection somewhere in the cause chain, or null. */
    private static BodyTooLargeException bodyTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

}
