package com.productivecommunity.analytics.model;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.analytics.models}: the model versions applied to every event, each read from
 * {@code value-models/<name>.json}. Adding one and rebuilding the projection replays history under it.
 */
@ConfigurationProperties("platform.analytics")
public record ValueModelProperties(@DefaultValue("v1") List<String> models) {
}
