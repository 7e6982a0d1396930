package com.productivecommunity.query.notification;

import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class DigestController {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final DigestReads reads;
    private final DigestRenderer renderer;

    DigestController(DigestReads reads, DigestRenderer renderer) {
        this.reads = reads;
        this.renderer = renderer;
    }

    @GetMapping("/api/notifications/digest")
    @Operation(summary = "The caller's weekly digest: what they gave, what they got, what their communities achieved",
            description = "As JSON, or rendered as the e-mail body: `format=text` or `format=html` (else the Accept"
                    + " header's preferred of application/json, text/plain, text/html; JSON when it names none).",
            responses = @ApiResponse(responseCode = "200", description = "the digest", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE),
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))}))
    ResponseEntity<?> digest(Member member,
                             @Parameter(description = "an ISO date (yyyy-mm-dd) of any day of the week; default: this week (UTC)")
                             @RequestParam(required = false) String week,
                             @Parameter(description = "json, text or html")
                             @RequestParam(required = false) String format,
                             @RequestHeader(value = "Accept", required = false) String accept) {
        LocalDate day = day(week);
        String chosen = format(format, accept);
        Digest digest = reads.digest(member.id(), member.isExternal(), day);
        return switch (chosen) {
            case "text" -> ResponseEntity.ok().contentType(TEXT).body(renderer.text(digest));
            case "html" -> ResponseEntity.ok().contentType(HTML).body(renderer.html(digest));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(digest);
        };
    }

    static LocalDate day(String week) {
        if (week == null || week.isEmpty()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            if (DATE.matcher(week).matches()) {
                LocalDate day = LocalDate.parse(week);
                if (day.getYear() >= 1) {
                    return day;
                }
            }
        } catch (DateTimeException e) {
            // named below
        }
        throw new InvalidInputException("week", "'week' must be an ISO date (yyyy-mm-dd), got " + Problems.quote(week));
    }

    /** json, text or html: the {@code format} parameter, else the Accept header's most preferred of the three. */
    static String format(String format, String accept) {
        if (format != null) {
            if (List.of("json", "text", "html").contains(format)) {
                return format;
            }
            throw new InvalidInputException("format", "'format' must be json, text or html, got " + Problems.quote(format));
        }
        if (accept == null || accept.isBlank()) {
            return "json";
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return "json";
        }
        String best = "json";
        double quality = -1;
        for (MediaType type : types) {
            String candidate = type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType() ? "json"
                    : type.isCompatibleWith(MediaType.TEXT_PLAIN) && !type.isWildcardSubtype() ? "text"
                    : type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardSubtype() ? "html" : null;
            if (candidate != null && type.getQualityValue() > quality) {
                best = candidate;
                quality = type.getQualityValue();
            }
        }
        return best;
    }
}
