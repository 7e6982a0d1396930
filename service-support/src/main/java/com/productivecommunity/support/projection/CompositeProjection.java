package com.productivecommunity.support.projection;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the topic applied to several targets: one consumer, one set of stored offsets and
 * positions (under this projection's name), each batch applied to every target in the same transaction.
 * E.g. several value-model versions replayed together. An event that one target cannot apply is parked for
 * all of them (they share the pass).
 */
public final class CompositeProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(CompositeProjection.class);

    private final String name;
    private final List<Projection> targets;
    private final boolean readYourWrites;

    private CompositeProjection(String name, List<Projection> targets, boolean readYourWrites) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("A composite projection needs at least one target");
        }
        this.name = name;
        this.targets = List.copyOf(targets);
        this.readYourWrites = readYourWrites;
    }

    /** A pass named {@code name} (its Kafka group and stored offsets) over {@code targets}. */
    public static CompositeProjection of(String name, List<? extends Projection> targets, boolean readYourWrites) {
        return new CompositeProjection(name, List.copyOf(targets), readYourWrites);
    }

    public List<Projection> targets() {
        return targets;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void apply(List<ProjectedEvent> events) {
        for (Projection target : targets) {
            target.apply(events);
        }
    }

    @Override
    public void reset() {
        targets.forEach(Projection::reset);
    }

    @Override
    public void afterCommit(List<ProjectedEvent> events) {
        for (Projection target : targets) {
            try {
                target.afterCommit(events);
            } catch (RuntimeException e) {
                log.warn("Projection {}: afterCommit of {} failed (the batch itself is committed)", name,
                        target.name(), e);
            }
        }
    }

    @Override
    public Collection<String> dependsOn(ProjectedEvent event) {
        Set<String> all = new LinkedHashSet<>();
        targets.forEach(target -> all.addAll(target.dependsOn(event)));
        return all;
    }

    @Override
    public boolean readYourWrites() {
        return readYourWrites;
    }
}
