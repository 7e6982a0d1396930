package com.productivecommunity.command.api;

import com.productivecommunity.support.projection.EventPosition;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Captures the position of the last event a command stored, so that {@link CommandSender} can answer it in
 * {@code X-Event-Position}. Two interceptors, installed on the command bus and the event store by
 * {@link Installation}: the command handler's unit of work gets a holder, and the event store fills it in when
 * the command's events are dispatched (the unit of work preparing to commit, before the caller sees the result).
 * The holder is the command's result as the gateway returns it.
 */
final class CommandPositions {

    private static final String HOLDER = CommandPositions.class.getName() + ".holder";

    /** The position the command stored (the holder its handler returned), or null when it stored nothing. */
    EventPosition storedBy(Object commandResult) {
        return commandResult instanceof Holder holder ? holder.position : null;
    }

    MessageHandlerInterceptor<CommandMessage<?>> holderPerCommand() {
        return (unitOfWork, chain) -> {
            Holder holder = new Holder();
            unitOfWork.root().resources().put(HOLDER, holder);
            chain.proceed();
            return holder;
        };
    }

    MessageDispatchInterceptor<EventMessage<?>> recordStoredPosition() {
        return messages -> (index, message) -> {
            if (message instanceof DomainEventMessage<?> event && CurrentUnitOfWork.isStarted()
                    && CurrentUnitOfWork.get().root().resources().get(HOLDER) instanceof Holder holder) {
                holder.position = new EventPosition(event.getAggregateIdentifier(), event.getSequenceNumber());
            }
            return message;
        };
    }

    private static final class Holder {
        private volatile EventPosition position;
    }

    /** Installs the two interceptors once, at start, where a reader of the configuration finds them. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        CommandPositions commandPositions(CommandBus commandBus, EventStore eventStore) {
            CommandPositions positions = new CommandPositions();
            commandBus.registerHandlerInterceptor(positions.holderPerCommand());
            eventStore.registerDispatchInterceptor(positions.recordStoredPosition());
            return positions;
        }
    }
}
