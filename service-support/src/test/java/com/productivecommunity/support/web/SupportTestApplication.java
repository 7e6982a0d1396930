package com.productivecommunity.support.web;

import com.productivecommunity.support.security.Member;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service that exercises what service-support auto-configures. */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
class SupportTestApplication {

    static volatile java.util.concurrent.CountDownLatch SLOW_ENTERED = new java.util.concurrent.CountDownLatch(1);
    static volatile java.util.concurrent.CountDownLatch SLOW_RELEASE = new java.util.concurrent.CountDownLatch(1);

    enum Colour { RED, GREEN }

    record Paint(@NotBlank @Size(max = 10) String name, Colour colour) {
    }

    @RestController
    static class TestController {

        @GetMapping("/api/me")
        Member me(Member member) {
            return member;
        }

        @PostMapping("/api/paints")
        Map<String, Object> paint(@Valid @RequestBody Paint paint, Member member) {
            return Map.of("name", paint.name(), "by", member.id());
        }

        @PostMapping("/api/echo")
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            return Map.of("size", body.size());
        }

        @GetMapping("/api/things/{id}")
        Map<String, Object> thing(@PathVariable UUID id) {
            throw new NotFoundException("No thing " + id);
        }

        @PostMapping("/api/conflict")
        void conflict() {
            throw new ConflictException("Already done");
        }

        @PostMapping("/api/forbidden")
        void forbidden() {
            throw new ForbiddenException("Leaders only");
        }

        /** Holds the request until the test lets it go: a read waiting as long as an X-Await-Position wait could. */
        @GetMapping("/api/slow")
        Map<String, Object> slow(Member member) throws InterruptedException {
            SLOW_ENTERED.countDown();
            SLOW_RELEASE.await(30, java.util.concurrent.TimeUnit.SECONDS);
            return Map.of("by", member.id());
        }

        @PostMapping("/api/invalid")
        void invalid() {
            throw new InvalidInputException("Bad input");
        }
    }
}
