package com.productivecommunity.command.eventstore;

import com.productivecommunity.events.CommunityEvent;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stored event message takes the event's own id and time: Axon gives every message a random identifier
 * and the dispatch time, but {@code event_identifier} in the store must be the {@code eventId} on Kafka (the
 * projections skip repeats by it, the audit log names it) and {@code time_stamp} its {@code occurredAt}.
 * Installed on the event store once, at start.
 */
@Configuration(proxyBeanMethods = false)
class EventIdentityConfiguration {

    /** The registration, not the interceptor, is the bean: nothing else may pick the interceptor up and install it again. */
    @Bean
    Registration eventIdentityInterceptorRegistration(EventStore eventStore) {
        MessageDispatchInterceptor<EventMessage<?>> interceptor = messages -> (index, message) -> {
            if (message instanceof DomainEventMessage<?> event && event.getPayload() instanceof CommunityEvent payload
                    && !payload.eventId().toString().equals(event.getIdentifier())) {
                return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), payload, event.getMetaData(), payload.eventId().toString(),
                        payload.occurredAt());
            }
            return message;
        };
        return eventStore.registerDispatchInterceptor(interceptor);
    }
}
