package com.productivecommunity.support.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The JSON a request body may be: exactly what its type says. Unknown fields, duplicate keys, trailing
 * content after the value, a number where a text is expected (or a text where a number or a boolean is),
 * a number for an enum, a non-canonical UUID: each is a 400 instead of a silent guess. Only the HTTP
 * message converter uses this mapper; the application's {@code ObjectMapper} bean (which Axon's
 * serializer also uses for stored events) keeps its tolerant defaults.
 */
final class StrictJson {

    private StrictJson() {
    }

    static ObjectMapper mapper(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper mapper = builder.build();
        // A number is refused by its field's rule, which names the field; Jackson's own length limit (1000
        // digits) would refuse it first, without a field. The body limit (64 KiB) still bounds it.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100_000).build());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum, LogicalType.OtherScalar}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] {LogicalType.Enum, LogicalType.OtherScalar, LogicalType.POJO,
                LogicalType.Collection, LogicalType.Map, LogicalType.Array}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-scalars")
                .addDeserializer(UUID.class, new StrictUuidDeserializer())
                .addDeserializer(BigDecimal.class, new StrictDecimalDeserializer()));
        return mapper;
    }

    /**
     * A JSON number, parsed from its text: a number no decimal can hold ({@code 1e99999999999}) is then a
     * 400 that names its field, like any other wrong value, instead of a parse error of the whole body.
     */
    static final class StrictDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {

        StrictDecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            String text = parser.getText();
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException | ArithmeticException e) {
                return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text,
                        "a number out of the range any decimal can hold");
            }
        }
    }

    /** Only the canonical text form; Jackson's own also takes 16 bytes in base64. */
    static final class StrictUuidDeserializer extends StdScalarDeserializer<UUID> {

        StrictUuidDeserializer() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (UUID) context.handleUnexpectedToken(UUID.class, parser);
            }
            String text = parser.getText();
            if (!Ids.isCanonicalUuid(text)) {
                return (UUID) context.handleWeirdStringValue(UUID.class, text,
                        "must be a UUID (8-4-4-4-12 hexadecimal digits)");
            }
            return UUID.fromString(text);
        }
    }
}
