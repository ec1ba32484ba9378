package io.plinth.workplace.records;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Between a record as catalogs writes it (docs/catalogs-records.md, "A record") and the values of
 * a form's inputs: text, numbers, enum values and reference ids as strings, booleans as Boolean,
 * dates as LocalDate, timestamps as LocalDateTime in UTC, a reference to many records as a list
 * of ids (catalogs' array).
 */
public final class RecordValues {

    private static final Logger LOG = Logger.getLogger(RecordValues.class.getName());

    /** The form's values as JSON, or the fields whose input is not a value of their type (key: message key). */
    public record Converted(JsonObject json, Map<String, String> problems) {
    }

    private RecordValues() {
    }

    /** The inputs' values of a record: one entry per editable or shown field the record has. */
    public static Map<String, Object> toInputs(List<ModelField> fields, JsonObject record) {
        Map<String, Object> inputs = new HashMap<>();
        for (ModelField field : fields) {
            JsonValue value = record.get(field.key());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (field.isMany()) {
                inputs.put(field.key(), ids(value));
                continue;
            }
            inputs.put(field.key(), switch (field.kind()) {
                case BOOLEAN -> value == JsonValue.TRUE;
                case DATE -> LocalDate.parse(((JsonString) value).getString());
                case TIMESTAMP -> LocalDateTime.ofInstant(Instant.parse(((JsonString) value).getString()), ZoneOffset.UTC);
                case JSON -> value.toString();
                default -> value instanceof JsonString text ? text.getString() : value.toString();
            });
        }
        return inputs;
    }

    /** The inputs a new record's form starts with: the defaults of the model; one that cannot be read is left out. */
    public static Map<String, Object> defaults(List<ModelField> fields) {
        Map<String, Object> inputs = new HashMap<>();
        for (ModelField field : fields) {
            if (field.defaultValue() == null) {
                continue;
            }
            try (JsonReader reader = Json.createReader(new StringReader("{\"v\": " + field.defaultValue() + "}"))) {
                JsonObject record = Json.createObjectBuilder().add(field.key(), reader.readObject().get("v")).build();
                inputs.putAll(toInputs(List.of(field), record));
            } catch (RuntimeException e) {
                LOG.fine(() -> "Default of " + field.key() + " not shown: " + e);
            }
        }
        return inputs;
    }

    /**
     * The JSON of the editable {@code fields} from the inputs: an empty input is null (catalogs says
     * when a required field misses); numbers that are no numbers are problems found here.
     */
    public static Converted toJson(List<ModelField> fields, Map<String, Object> inputs) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        Map<String, String> problems = new LinkedHashMap<>();
        for (ModelField field : fields) {
            if (!field.isEditable()) {
                continue;
            }
            Object input = inputs.get(field.key());
            if (field.isMany()) {
                // An empty selection is an empty array: catalogs then drops the links the user can see.
                JsonArrayBuilder ids = Json.createArrayBuilder();
                if (input instanceof Collection<?> picked) {
                    picked.stream().filter(id -> id != null && !id.toString().isBlank()).map(Object::toString)
                            .distinct().forEach(ids::add);
                }
                json.add(field.key(), ids);
                continue;
            }
            if (input == null || input instanceof String text && text.isBlank()) {
                json.addNull(field.key());
                continue;
            }
            switch (field.kind()) {
                case BOOLEAN -> json.add(field.key(), (Boolean) input);
                case DATE -> json.add(field.key(), input.toString());
                case TIMESTAMP -> json.add(field.key(), ((LocalDateTime) input).toInstant(ZoneOffset.UTC).toString());
                case INTEGER -> {
                    try {
                        json.add(field.key(), Long.parseLong(input.toString().strip()));
                    } catch (NumberFormatException e) {
                        problems.put(field.key(), "record.problem.integer");
                    }
                }
                case DECIMAL -> {
                    try {
                        json.add(field.key(), new BigDecimal(input.toString().strip()).toPlainString());
                    } catch (NumberFormatException e) {
                        problems.put(field.key(), "record.problem.decimal");
                    }
                }
                default -> json.add(field.key(), input.toString());
            }
        }
        return new Converted(json.build(), problems);
    }

    /** A value as a list cell shows it; {@code yes}/{@code no} are the words for booleans. */
    public static String display(ModelField field, JsonValue value, String yes, String no, Map<String, String> labels) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return switch (field.kind()) {
            case BOOLEAN -> value == JsonValue.TRUE ? yes : no;
            case TIMESTAMP -> timestamp(((JsonString) value).getString());
            case REFERENCE -> value instanceof JsonString id ? labels.getOrDefault(id.getString(), id.getString())
                    : value instanceof JsonArray ? ids(value).stream().map(id -> labels.getOrDefault(id, id))
                    .collect(Collectors.joining(", ")) : value.toString();
            case JSON -> value.toString();
            default -> value instanceof JsonString text ? text.getString()
                    : value instanceof JsonNumber number ? number.toString() : value.toString();
        };
    }

    /** The ids of a reference to many records (an array of strings; anything else names none). */
    static List<String> ids(JsonValue value) {
        return value instanceof JsonArray array ? array.stream().filter(JsonString.class::isInstance)
                .map(id -> ((JsonString) id).getString()).collect(Collectors.toCollection(ArrayList::new))
                : new ArrayList<>();
    }

    /** {@code 2026-01-31T09:30:00Z} as {@code 2026-01-31 09:30 UTC}. */
    static String timestamp(String instant) {
        try {
            LocalDateTime time = LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
            return time.toLocalDate() + " " + String.format("%02d:%02d", time.getHour(), time.getMinute()) + " UTC";
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
