package com.productivecommunity.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Writes problem details straight to a servlet response, for failures answered outside Spring MVC (filters, security). */
public final class Problems {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Problems() {
    }

    private static final int QUOTE_LIMIT = 80;

    /**
     * A client's value, fit to repeat in a problem's {@code detail}: in single quotes, at most 80 code
     * points, and every character that is not printable text (controls, unpaired surrogates, noncharacters,
     * format characters) written as {@code \\uXXXX}, so that nothing a client sends can break the JSON
     * writer or the reader's terminal.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        int cut = value.codePointCount(0, value.length()) > QUOTE_LIMIT
                ? value.offsetByCodePoints(0, QUOTE_LIMIT) : value.length();
        return "'" + printable(value.substring(0, cut)) + (cut < value.length() ? "'…" : "'");
    }

    /** {@code text} with every character that is not printable text escaped as {@code \\uXXXX}; null stays null. */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            int codePoint = pair ? Character.toCodePoint(c, text.charAt(i + 1)) : c;
            int type = Character.getType(codePoint);
            boolean escape = type == Character.CONTROL || type == Character.SURROGATE || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
            if (escape && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escape) {
                for (char unit : Character.toChars(codePoint)) {
                    out.append(String.format("\\u%04X", (int) unit));
                }
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * The one shape of every problem a service answers: {@code title} the status's reason phrase, {@code detail}
     * printable, {@code field} when one field, parameter or header is at fault, {@code instance} the request's path.
     * Used by the shared advice and by a service's own advice for its domain's rejections.
     */
    public static ProblemDetail detail(HttpStatus status, String detail, String field, String requestUri) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, printable(detail));
        problem.setTitle(status.getReasonPhrase());
        if (field != null) {
            problem.setProperty("field", printable(field));
        }
        if (requestUri != null) {
            try {
                problem.setInstance(java.net.URI.create(requestUri));
            } catch (IllegalArgumentException notAUri) {
                // left without an instance
            }
        }
        return problem;
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", printable(detail));
        if (instance != null) {
            body.put("instance", instance);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), body);
    }
}
