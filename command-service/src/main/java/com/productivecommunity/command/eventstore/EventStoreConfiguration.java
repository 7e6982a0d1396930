package com.productivecommunity.command.eventstore;

import com.productivecommunity.events.EventCatalog;
import com.productivecommunity.events.EventUpcaster;
import java.util.Comparator;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    RevisionResolver revisionResolver() {
        return new SchemaVersionRevisionResolver();
    }

    /**
     * Shared-events' upcasters, in version order, for every stored event read back. Event handlers
     * propagate their failures: a lookup that cannot be updated must fail the command, and a batch that
     * cannot be published must be retried, never logged and skipped.
     */
    @Bean
    ConfigurerModule eventStoreConfigurer() {
        return configurer -> {
            EventCatalog.upcasters().stream()
                    .sorted(Comparator.comparing(EventUpcaster::type).thenComparingInt(EventUpcaster::fromVersion))
                    .forEach(upcaster -> configurer.registerEventUpcaster(c -> new CatalogUpcaster(upcaster)));
            configurer.eventProcessing()
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        };
    }

    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }

}
