package com.productivecommunity.command.core;

import com.productivecommunity.command.rules.Rejection;
import com.productivecommunity.support.projection.EventPosition;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import com.productivecommunity.events.CommunityEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Sends a command and tells which event position it reached: the last event it stored, or, when it
 * stored none (an idempotent repeat), the aggregate's current last event.
 */
@Component
public class CommandSender {

    private static final String LAST_POSITION = CommandSender.class.getName() + ".lastPosition";

    private final CommandGateway gateway;
    private final EventStore eventStore;

    CommandSender(CommandGateway gateway, CommandBus commandBus, EventStore eventStore) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        // The event bus intercepts a command's events when its unit of work prepares to commit: the
        // holder returned as the command's result is filled in then, before the caller sees it. The stored
        // message takes the event's own id and time, so event_identifier in the store is the eventId on Kafka.
        eventStore.registerDispatchInterceptor(messages -> (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event)) {
                return message;
            }
            if (CurrentUnitOfWork.isStarted()
                    && CurrentUnitOfWork.get().root().resources().get(LAST_POSITION) instanceof PositionHolder holder) {
                holder.position = new EventPosition(event.getAggregateIdentifier(), event.getSequenceNumber());
            }
            if (event.getPayload() instanceof CommunityEvent payload
                    && !payload.eventId().toString().equals(event.getIdentifier())) {
                return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), payload, event.getMetaData(), payload.eventId().toString(),
                        payload.occurredAt());
            }
            return message;
        });
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            PositionHolder holder = new PositionHolder();
            unitOfWork.root().resources().put(LAST_POSITION, holder);
            chain.proceed();
            return holder;
        });
    }

    public Sent send(Object command, String aggregateId) {
        Object result;
        try {
            result = gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new UnknownAggregate(e.getAggregateIdentifier());
        } catch (ConcurrencyException e) {
            // Two commands raced for the same new event sequence; the loser may simply try again.
            throw new ConcurrentChange();
        }
        if (result instanceof PositionHolder holder && holder.position != null) {
            return new Sent(holder.position, true);
        }
        long last = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        return new Sent(new EventPosition(aggregateId, last), false);
    }

    static final class UnknownAggregate extends Rejection.NotFound {
        UnknownAggregate(Object aggregateId) {
            super("No community or contribution " + aggregateId);
        }
    }

    static final class ConcurrentChange extends Rejection.Conflict {
        ConcurrentChange() {
            super("Another change to the same item happened at the same time; retry");
        }
    }

    private static final class PositionHolder {
        private volatile EventPosition position;
    }

    /** Where a command left its aggregate, and whether it stored an event. */
    public record Sent(EventPosition position, boolean stored) {
    }
}
