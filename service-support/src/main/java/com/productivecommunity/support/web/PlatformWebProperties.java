package com.productivecommunity.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Web limits shared by every service. */
@ConfigurationProperties("platform.web")
public record PlatformWebProperties(DataSize maxBodySize) {
    public PlatformWebProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofKilobytes(64);
        }
    }
}
