package com.productivecommunity.analytics.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads model definitions from {@code value-models/<name>.json} on the classpath:
 * <pre>{"name":"v1","description":"…","productiveShareThreshold":0.5,"weights":{"QUESTION_POSTED":1,…}}</pre>
 * Weight names are {@link Signal} names; an unknown name is an error, so a typo cannot silently weigh 0.
 */
public final class ValueModelReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ValueModelReader() {
    }

    public static ValueModel fromClasspath(String name) {
        String resource = "value-models/" + name + ".json";
        try (InputStream in = ValueModelReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidValueModelException("No model definition " + resource + " on the classpath");
            }
            ValueModel model = read(in);
            if (!model.name().equals(name)) {
                throw new InvalidValueModelException(resource + " names itself '" + model.name() + "'");
            }
            return model;
        } catch (IOException e) {
            throw new InvalidValueModelException("Cannot read " + resource, e);
        }
    }

    public static ValueModel read(InputStream json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        Map<Signal, BigDecimal> weights = new EnumMap<>(Signal.class);
        JsonNode weightNodes = root.path("weights");
        for (Iterator<Map.Entry<String, JsonNode>> it = weightNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Signal signal;
            try {
                signal = Signal.valueOf(field.getKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidValueModelException("weights." + field.getKey(), "Unknown signal '" + field.getKey()
                        + "'; the signals are " + java.util.Arrays.toString(Signal.values()));
            }
            if (!field.getValue().isNumber()) {
                throw new InvalidValueModelException("weights." + signal, "Weight of " + signal + " is not a number");
            }
            weights.put(signal, field.getValue().decimalValue());
        }
        JsonNode threshold = root.path("productiveShareThreshold");
        if (!threshold.isNumber()) {
            throw new InvalidValueModelException("productiveShareThreshold",
                    "productiveShareThreshold is missing or not a number");
        }
        return new ValueModel(root.path("name").asText(), root.path("description").asText(null), weights,
                threshold.decimalValue());
    }
}
