package io.plinth.kernel.rest;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The JSON-B every REST API reads bodies with. It differs from the default in one way: a boolean
 * field accepts only {@code true} or {@code false}, where the default quietly turns {@code "yes"}
 * or {@code 5} into {@code false}.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictBoolean()));
    }

    /** Only JSON {@code true}, {@code false} or {@code null}. */
    static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw new JsonbException("expected true or false, found " + value.getValueType());
            };
        }
    }
}
