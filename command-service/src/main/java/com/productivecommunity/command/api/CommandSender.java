package com.productivecommunity.command.api;

import com.productivecommunity.command.rules.Rejection;
import com.productivecommunity.support.projection.EventPosition;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and tells which event position it reached: the last event it stored (captured by
 * {@link CommandPositions}), or, when it stored none (an idempotent repeat), the aggregate's current last event.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final CommandPositions positions;

    CommandSender(CommandGateway gateway, EventStore eventStore, CommandPositions positions) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.positions = positions;
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
        EventPosition stored = positions.storedBy(result);
        if (stored != null) {
            return new Sent(stored, true);
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

    /** Where a command left its aggregate, and whether it stored an event. */
    public record Sent(EventPosition position, boolean stored) {
    }
}
