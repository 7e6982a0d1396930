package com.productivecommunity.support.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints with every kind of field a command body has, for the strict JSON and parameter tests. */
@RestController
class StrictInputTestController {

    enum Kind { QUESTION, ANSWER }

    record Nested(String label) {
    }

    record Command(String text, Kind kind, UUID id, BigDecimal value, List<UUID> ids, Nested nested) {
    }

    record Flag(boolean on, int count) {
    }

    @PostMapping("/api/strict/commands")
    Map<String, Object> command(@RequestBody Command command) {
        return Map.of("text", String.valueOf(command.text()), "kind", String.valueOf(command.kind()),
                "id", String.valueOf(command.id()), "value", String.valueOf(command.value()));
    }

    @PostMapping("/api/strict/flags")
    Map<String, Object> flag(@RequestBody Flag flag) {
        return Map.of("on", flag.on(), "count", flag.count());
    }

    @GetMapping("/api/strict/items/{itemId}")
    Map<String, Object> item(@PathVariable UUID itemId, @RequestParam(defaultValue = "20") int limit,
                             @RequestParam(required = false) UUID after) {
        return Map.of("itemId", itemId.toString(), "limit", limit);
    }

    @PostMapping("/api/strict/invalid-field")
    void invalidField(@RequestBody Map<String, Object> body) {
        throw new InvalidInputException("title", "title contains a NUL character, U+0000, at character 3");
    }
}
