package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Moving between the model's JSON and the text the designer's inputs hold. What a builder types
 * becomes the JSON type the field needs when it reads as one (a number for an integer field), and
 * stays a string otherwise, so that view-service, not the page, says what is wrong with it.
 */
final class JsonValues {

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,30}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,38}(\\.\\d{1,38})?");

    private JsonValues() {
    }

    /** The text an input shows for a value: strings bare, arrays as a comma-separated list. */
    static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof jakarta.json.JsonArray array) {
            return String.join(", ", array.stream().map(JsonValues::text).toList());
        }
        return value.toString();
    }

    /** The value for {@code text} in a field of {@code fieldType}; null when blank. */
    static JsonValue value(String text, String fieldType) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        return switch (fieldType == null ? "" : fieldType) {
            case "integer" -> WHOLE.matcher(value).matches() ? Json.createValue(new BigInteger(value)) : string(value);
            case "decimal" -> DECIMAL.matcher(value).matches() ? Json.createValue(new BigDecimal(value)) : string(value);
            case "boolean" -> switch (value) {
                case "true" -> JsonValue.TRUE;
                case "false" -> JsonValue.FALSE;
                default -> string(value);
            };
            case "json" -> parseOrString(value);
            default -> string(value);
        };
    }

    /** A comma-separated list as an array of values of {@code fieldType}; null when blank. */
    static JsonValue list(String text, String fieldType) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String item : text.split(",")) {
            JsonValue value = value(item, fieldType);
            if (value != null) {
                array.add(value);
            }
        }
        return array.build();
    }

    /** A whole number as a JSON number; anything else as typed (view-service explains it); null when blank. */
    static JsonValue number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        return WHOLE.matcher(value).matches() ? Json.createValue(new BigInteger(value)) : string(value);
    }

    static String numberText(JsonValue value) {
        return value instanceof JsonNumber || value instanceof JsonString ? text(value) : "";
    }

    static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString string ? string.getString() : "";
    }

    static boolean flag(JsonObject object, String name) {
        return object.get(name) == JsonValue.TRUE;
    }

    static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** The members of {@code object} the designer does not edit, kept as JSON text (views must be serializable). */
    static String extras(JsonObject object, Set<String> edited) {
        JsonObjectBuilder rest = Json.createObjectBuilder();
        object.forEach((name, value) -> {
            if (!edited.contains(name)) {
                rest.add(name, value);
            }
        });
        JsonObject result = rest.build();
        return result.isEmpty() ? null : result.toString();
    }

    /** Adds the kept members back after the edited ones. */
    static JsonObjectBuilder withExtras(JsonObjectBuilder builder, String extras) {
        if (extras != null) {
            parse(extras).asJsonObject().forEach(builder::add);
        }
        return builder;
    }

    /** Adds {@code value} unless it is null. */
    static void put(JsonObjectBuilder builder, String name, JsonValue value) {
        if (value != null) {
            builder.add(name, value);
        }
    }

    /** Adds {@code text} unless it is blank: an empty input means the member is left out. */
    static void put(JsonObjectBuilder builder, String name, String text) {
        if (text != null && !text.isBlank()) {
            builder.add(name, text.strip());
        }
    }

    static void putFlag(JsonObjectBuilder builder, String name, boolean flag) {
        if (flag) {
            builder.add(name, true);
        }
    }

    private static JsonValue string(String value) {
        return Json.createValue(value);
    }

    private static JsonValue parseOrString(String value) {
        try {
            return parse(value);
        } catch (JsonException e) {
            return string(value);
        }
    }
}
