package com.productivecommunity.support.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs something outside the build (Chromium, docker-compose, a packaged jar) says so here.
 * On a developer's machine a missing tool skips the test, loudly; under {@code CI=true} it fails it, so a
 * CI run that lacks a tool can never pass while testing nothing.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /** Continues when {@code whyMissing} is null; otherwise skips the test, or fails it in CI. */
    public static void require(String whyMissing) {
        if (whyMissing == null) {
            return;
        }
        if (inCi()) {
            Assertions.fail(whyMissing + " (CI=true: a missing tool fails the run instead of skipping tests)");
        }
        System.err.println("SKIPPED: " + whyMissing);
        Assumptions.abort(whyMissing);
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
