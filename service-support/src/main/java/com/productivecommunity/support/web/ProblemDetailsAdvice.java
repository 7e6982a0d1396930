package com.productivecommunity.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
 * the base class; this class words the ones a client must be able to fix. A 400 names the offending body
 * field, parameter or header in a {@code field} member when there is one ({@code "title"},
 * {@code "contributionIds[1]"}, {@code "limit"}); a path id that is not a UUID is a 400 too (a well-formed
 * unknown id is a 404). A client's value repeated in a {@code detail} is quoted and escaped
 * ({@link Problems#quote}), so that no input can break the response.
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
        return problem(e, HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String where = e.getParameter().hasParameterAnnotation(PathVariable.class) ? "Path segment" : "Parameter";
        Class<?> type = e.getRequiredType();
        String expected = type == java.util.UUID.class ? "a UUID (8-4-4-4-12 hexadecimal digits)"
                : type == int.class || type == Integer.class || type == long.class || type == Long.class ? "an integer"
                : type == null ? "of another type" : "a " + type.getSimpleName();
        String value = e.getValue() == null ? "null" : Problems.quote(String.valueOf(e.getValue()));
        return problem(e, HttpStatus.BAD_REQUEST, where + " '" + e.getName() + "' must be " + expected + ", got " + value,
                e.getName(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = bodyTooLarge(e);
        if (tooLarge != null) {
            return problem(e, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), request);
        }
        Unreadable unreadable = unreadable(e);
        return problem(e, HttpStatus.BAD_REQUEST, unreadable.detail(), unreadable.field(), request);
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
        if (body instanceof ProblemDetail problem) {
            // Spring's own details (a missing route, a bad header...) may repeat what the client sent.
            problem.setDetail(Problems.printable(problem.getDetail()));
        }
        return super.handleExceptionInternal(e, body, problemHeaders, status, request);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatus status, String detail, WebRequest request) {
        return problem(e, status, detail, null, request);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatus status, String detail, String field,
                                           WebRequest request) {
        String uri = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
        ProblemDetail problem = Problems.detail(status, detail, field, uri);
        return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private record Unreadable(String detail, String field) {
    }

    private static Unreadable unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new Unreadable("Unknown field " + Problems.quote(path(unknown))
                    + (known.isEmpty() ? "" : "; known fields: " + known), path(unknown));
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return new Unreadable("Unknown value " + Problems.quote(String.valueOf(invalid.getValue())) + " for "
                    + Problems.quote(path(invalid)) + "; allowed: " + allowed, path(invalid));
        }
        if (cause instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String value = invalid.getValue() == null ? "null" : Problems.quote(String.valueOf(invalid.getValue()));
            String why = invalid.getTargetType() != null && Number.class.isAssignableFrom(invalid.getTargetType())
                    ? "the number is out of range" : expected(invalid.getTargetType());
            return new Unreadable("Invalid value " + value + " for " + Problems.quote(path(invalid)) + ": " + why,
                    path(invalid));
        }
        if (cause instanceof InvalidNullException invalidNull) {
            return new Unreadable(Problems.quote(path(invalidNull)) + " must not be null", path(invalidNull));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return new Unreadable("Wrong type for " + Problems.quote(path(mismatched)) + ": "
                    + expected(mismatched.getTargetType()), path(mismatched));
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return new Unreadable("The body must be a JSON object"
                    + (mismatched.getTargetType() == null ? "" : " (" + expected(mismatched.getTargetType()) + ")"),
                    null);
        }
        if (cause instanceof JsonProcessingException json) {
            String field = json.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : null;
            return new Unreadable("Malformed JSON" + (field == null ? "" : " at " + Problems.quote(field)) + ": "
                    + Problems.printable(json.getOriginalMessage()), field);
        }
        if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return new Unreadable("A request body is required", null);
        }
        return new Unreadable("Unreadable request body", null);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type is expected";
        }
        if (type == String.class) {
            return "a JSON string is expected";
        }
        if (type == java.util.UUID.class) {
            return "a UUID (8-4-4-4-12 hexadecimal digits) is expected";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a JSON number is expected";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false is expected";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array is expected";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + " is expected";
        }
        return "a JSON object is expected";
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? null : path;
    }

    /** Where the parser was when the JSON broke (for a duplicate key: that key), or null at the top level. */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        Collections.reverse(parts);
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? null : path;
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
