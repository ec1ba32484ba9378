package io.plinth.catalogs.access;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * One condition of a row rule, checked against its type: {@code value} as given (kept for the
 * normal form), {@code values} parsed (see {@link FieldValues}) or one {@link Variable}.
 */
public record Condition(String field, Operator op, JsonValue value, List<Object> values) {

    public Condition {
        values = List.copyOf(values);
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("field", field).add("op", op.key());
        if (value != null) {
            json.add("value", value);
        }
        return json.build();
    }
}
