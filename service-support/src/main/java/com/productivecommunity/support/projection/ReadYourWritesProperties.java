package com.productivecommunity.support.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code platform.read-your-writes.timeout}: the longest a request waits for {@code X-Await-Position}. */
@ConfigurationProperties("platform.read-your-writes")
public class ReadYourWritesProperties {

    private Duration timeout = Duration.ofSeconds(5);

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
