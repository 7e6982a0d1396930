package com.productivecommunity.command.eventstore;

import com.productivecommunity.events.EventCatalog;
import com.productivecommunity.events.EventUpcaster;
import java.util.Comparator;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.beans.factory.InitializingBean;
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

    /** Applies {@link GapProperties} to the store (before the processors start, which is when they read it). */
    @Bean
    InitializingBean gapSettings(EventStorageEngine engine, GapProperties gaps) {
        return () -> {
            if (engine instanceof JpaEventStorageEngine jpa) {
                jpa.setGapTimeout(Math.toIntExact(gaps.gapTimeout().toMillis()));
                jpa.setGapCleaningThreshold(gaps.gapCleaningThreshold());
            }
        };
    }

    @Bean
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }

}
