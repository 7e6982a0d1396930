package com.productivecommunity.analytics.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model versions this service applies, by name. */
public final class ValueModels {

    private final Map<String, ValueModel> byName = new LinkedHashMap<>();

    public ValueModels(List<ValueModel> models) {
        if (models.isEmpty()) {
            throw new InvalidValueModelException("platform.analytics.models names no model");
        }
        for (ValueModel model : models) {
            if (byName.putIfAbsent(model.name(), model) != null) {
                throw new InvalidValueModelException("Model " + model.name() + " is listed twice");
            }
        }
    }

    public static ValueModels fromClasspath(List<String> names) {
        return new ValueModels(names.stream().map(ValueModelReader::fromClasspath).toList());
    }

    public List<ValueModel> all() {
        return List.copyOf(byName.values());
    }

    public Optional<ValueModel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
