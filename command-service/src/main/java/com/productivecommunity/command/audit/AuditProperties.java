package com.productivecommunity.command.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit log ({@code platform.audit.*}).
 *
 * @param signingKey      the Ed25519 private key as PEM ({@code PRIVATE KEY}, PKCS#8); takes precedence
 * @param signingKeyFile  a file holding that PEM (owner-only permissions); used when {@code signingKey} is not set
 * @param localKeyFile    where the embedded setup keeps a key generated on first start, when neither of the
 *                        above is set and {@code generateLocalKey} is true
 * @param generateLocalKey whether to generate (or reuse) {@code localKeyFile} when no key is configured; false
 *                        makes a missing key a start-up error
 * @param pollInterval    how often the appender looks for new events
 * @param signInterval    the least time between two signed tree heads while events arrive
 * @param gapTimeout      how long the appender waits for a global index that is missing between committed
 *                        events (a transaction still running, or one rolled back) before it goes on without it
 * @param gapWatch        how long a global index passed over stays watched: if its event commits within that
 *                        time it is appended then (at the end of the log); later, only a restart's sweep finds it
 * @param batchSize       events appended per transaction at most
 * @param recheckInterval how often the health check re-verifies the next range of the log
 * @param recheckBatch    positions re-verified per range
 * @param enabled         false stops the appender and the re-verification (for measuring the log's cost; the
 *                        log then falls behind, and catches up when it runs again)
 */
@ConfigurationProperties("platform.audit")
record AuditProperties(String signingKey, Path signingKeyFile, Path localKeyFile, Boolean generateLocalKey,
                       Duration pollInterval, Duration signInterval, Duration gapTimeout, Duration gapWatch,
                       Integer batchSize, Duration recheckInterval, Integer recheckBatch,
                       Boolean enabled) {
    AuditProperties {
        localKeyFile = localKeyFile == null
                ? Path.of(System.getProperty("user.home"), ".productive-community", "audit-signing-key.pem") : localKeyFile;
        generateLocalKey = generateLocalKey == null || generateLocalKey;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        signInterval = signInterval == null ? Duration.ofSeconds(1) : signInterval;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        gapWatch = gapWatch == null ? Duration.ofMinutes(10) : gapWatch;
        batchSize = batchSize == null ? 500 : batchSize;
        recheckInterval = recheckInterval == null ? Duration.ofSeconds(2) : recheckInterval;
        recheckBatch = recheckBatch == null ? 5_000 : recheckBatch;
        enabled = enabled == null || enabled;
    }
}
