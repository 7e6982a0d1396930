package com.productivecommunity.support.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.productivecommunity.support.projection.AwaitPositionInterceptor;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-member limits on {@code /api/**}, after authentication (the member is known, an anonymous call was
 * already refused): a token bucket (Bucket4j) for commands and one for reads, and a cap on the reads one
 * member may have waiting on {@code X-Await-Position} at once. Over a limit: 429 problem+json with
 * {@code Retry-After} in seconds.
 */
class MemberLimitsFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final PlatformLimitsProperties limits;
    private final Cache<String, Bucket> commandBuckets;
    private final Cache<String, Bucket> readBuckets;
    private final Cache<String, Semaphore> waits;

    MemberLimitsFilter(PlatformLimitsProperties limits) {
        this.limits = limits;
        this.commandBuckets = cache(limits.trackedMembers());
        this.readBuckets = cache(limits.trackedMembers());
        this.waits = cache(limits.trackedMembers());
    }

    private static <V> Cache<String, V> cache(int size) {
        return Caffeine.newBuilder().maximumSize(size).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !request.getRequestURI().startsWith("/api/") || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String member = authentication.getName();
        boolean read = READS.contains(request.getMethod());
        PlatformLimitsProperties.Rate rate = read ? limits.reads() : limits.commands();
        Bucket bucket = (read ? readBuckets : commandBuckets).get(member, key -> bucket(rate));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            tooMany(request, response, seconds, "Too many " + (read ? "reads" : "changes") + ": at most "
                    + rate.perSecond() + " per second per member (bursts of " + rate.capacity()
                    + "). Try again in " + seconds + " s.");
            return;
        }
        if (!read || request.getHeader(AwaitPositionInterceptor.AWAIT_HEADER) == null) {
            chain.doFilter(request, response);
            return;
        }
        Semaphore waiting = waits.get(member, key -> new Semaphore(limits.awaitPerMember()));
        if (!waiting.tryAcquire()) {
            tooMany(request, response, 1, "Too many reads waiting for your recent changes at once (at most "
                    + limits.awaitPerMember() + "). Try again in 1 s.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            waiting.release();
        }
    }

    private static Bucket bucket(PlatformLimitsProperties.Rate rate) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.perSecond(), Duration.ofSeconds(1)))
                .build();
    }

    private static void tooMany(HttpServletRequest request, HttpServletResponse response, long seconds, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, detail, request.getRequestURI());
    }
}
