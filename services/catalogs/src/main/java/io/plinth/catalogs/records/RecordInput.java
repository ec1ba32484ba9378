package io.plinth.catalogs.records;

import io.plinth.catalogs.access.FieldValues;
import io.plinth.catalogs.access.Operation;
import io.plinth.catalogs.access.SystemFields;
import io.plinth.catalogs.access.TypeAccess;
import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.kernel.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.UUID;

/**
 * The values a create, replace (PUT) or patch (PATCH) gives a record, checked against the type
 * before any SQL: unknown fields, values that do not fit their field, required fields left empty.
 * System fields in a body are ignored (the platform sets them; a record read and sent back is
 * fine), except {@code id} (a create may choose it) and {@code version} (the version the change
 * was made from). Who may write which field is checked by {@link #notWritable}.
 */
final class RecordInput {

    enum Mode { CREATE, REPLACE, PATCH }

    /** The most targets a many-reference takes in one write. */
    static final int MAX_LINKS = 1000;

    final Mode mode;
    /** The fields with a column, in the type's order: their new values (null clears). */
    final Map<String, Object> values = new LinkedHashMap<>();
    /** The many-references given: their new targets, sorted. */
    final Map<String, List<UUID>> links = new LinkedHashMap<>();
    /** The fields the body holds (a replace also clears the others). */
    final Set<String> given = new HashSet<>();
    UUID id;
    Long version;

    private RecordInput(Mode mode) {
        this.mode = mode;
    }

    /** Parses {@code body}; problems go to {@code errors} with paths under {@code path} ("" or "operations[3].record."). */
    static RecordInput parse(TypeModel type, JsonValue body, Mode mode, String path, List<FieldError> errors) {
        RecordInput input = new RecordInput(mode);
        if (!(body instanceof JsonObject object)) {
            errors.add(new FieldError(path.isEmpty() ? "" : path.substring(0, path.length() - 1),
                    "must be a JSON object of field values"));
            return input;
        }
        Set<String> invalid = new HashSet<>();
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            String key = member.getKey();
            JsonValue value = member.getValue();
            if (key.equals(SystemFields.ID)) {
                input.id(value, mode, path + key, errors);
            } else if (key.equals(SystemFields.VERSION)) {
                input.version(value, mode, path + key, errors);
            } else if (!SystemFields.is(key)) {
                FieldModel field = type.field(key).orElse(null);
                if (field == null) {
                    errors.add(new FieldError(path + key, "is not a field of type '" + type.key() + "'"));
                } else if (field.many()) {
                    input.links(field, value, path + key, errors);
                } else {
                    try {
                        input.values.put(key, FieldValues.parse(field, value));
                    } catch (FieldValues.InvalidValue e) {
                        errors.add(new FieldError(path + key, e.getMessage()));
                        invalid.add(key);
                    }
                }
            }
        }
        input.given.addAll(input.values.keySet());
        input.given.addAll(input.links.keySet());
        for (FieldModel field : type.fields()) {
            if (field.computed() || invalid.contains(field.key())) {
                continue;
            }
            boolean given = input.given.contains(field.key());
            if (mode == Mode.REPLACE && !given) {
                if (field.many()) {
                    input.links.put(field.key(), List.of());
                } else {
                    input.values.put(field.key(), null);
                }
            }
            boolean required = field.required() && !field.many() && given && input.values.get(field.key()) == null
                    || mode == Mode.CREATE && field.required() && !given && field.defaultValue() == null;
            if (required) {
                errors.add(new FieldError(path + field.key(), "is required"));
            }
        }
        return input;
    }

    private void id(JsonValue value, Mode mode, String path, List<FieldError> errors) {
        if (mode != Mode.CREATE || value == JsonValue.NULL) {
            return;
        }
        try {
            id = FieldValues.uuid(value instanceof JsonString s ? s.getString() : null);
        } catch (FieldValues.InvalidValue e) {
            errors.add(new FieldError(path, e.getMessage()));
        }
    }

    private void version(JsonValue value, Mode mode, String path, List<FieldError> errors) {
        if (mode == Mode.CREATE || value == JsonValue.NULL) {
            return;
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().compareTo(BigDecimal.ONE) >= 0
                && n.bigDecimalValue().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            version = n.longValue();
        } else {
            errors.add(new FieldError(path, "must be a whole number of at least 1"));
        }
    }

    private void links(FieldModel field, JsonValue value, String path, List<FieldError> errors) {
        if (value == JsonValue.NULL) {
            links.put(field.key(), List.of());
            return;
        }
        if (!(value instanceof JsonArray list) || list.size() > MAX_LINKS) {
            errors.add(new FieldError(path, "must be an array of at most " + MAX_LINKS + " record ids"));
            return;
        }
        TreeSet<UUID> targets = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                targets.add(FieldValues.uuid(list.get(i) instanceof JsonString s ? s.getString() : null));
            } catch (FieldValues.InvalidValue e) {
                errors.add(new FieldError(path + "[" + i + "]", e.getMessage()));
            }
        }
        links.put(field.key(), List.copyOf(targets));
    }

    /**
     * The fields given that the caller may not write: computed ones, and those none of the
     * caller's roles allowing the operation lets them write (hidden or read-only). Giving such a
     * field the value it already has ({@code before}; null for a create: no value) is not a
     * change, so a record read and sent back passes, and a replace that leaves such a field out
     * keeps it; every other value is refused. What passes unchanged is no longer part of the input.
     */
    List<FieldError> notWritable(TypeModel type, TypeAccess access, Operation operation, JsonObject before,
                                 String path) {
        List<FieldError> refused = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            FieldModel field = type.field(entry.getKey()).orElseThrow();
            String reason = refusal(field, access, operation);
            if (reason != null) {
                JsonValue now = before == null ? JsonValue.NULL : before.getOrDefault(field.key(), JsonValue.NULL);
                if (!given.contains(field.key()) || now.equals(json(field, entry.getValue()))) {
                    kept.add(field.key());
                } else {
                    refused.add(new FieldError(path + field.key(), reason));
                }
            }
        }
        for (Map.Entry<String, List<UUID>> entry : links.entrySet()) {
            FieldModel field = type.field(entry.getKey()).orElseThrow();
            String reason = refusal(field, access, operation);
            if (reason != null) {
                JsonValue now = before == null ? JsonValue.EMPTY_JSON_ARRAY
                        : before.getOrDefault(field.key(), JsonValue.EMPTY_JSON_ARRAY);
                if (!given.contains(field.key()) || now.equals(Json.createArrayBuilder(
                        entry.getValue().stream().map(UUID::toString).toList()).build())) {
                    kept.add(field.key());
                } else {
                    refused.add(new FieldError(path + field.key(), reason));
                }
            }
        }
        kept.forEach(values::remove);
        kept.forEach(links::remove);
        return refused;
    }

    /** After {@link #notWritable}: the required fields a replace would leave empty. */
    List<FieldError> missing(TypeModel type, String path) {
        List<FieldError> missing = new ArrayList<>();
        for (FieldModel field : type.fields()) {
            if (field.required() && !field.many() && values.containsKey(field.key())
                    && values.get(field.key()) == null && !given.contains(field.key())) {
                missing.add(new FieldError(path + field.key(), "is required"));
            }
        }
        return missing;
    }

    private static String refusal(FieldModel field, TypeAccess access, Operation operation) {
        if (field.computed()) {
            return "is computed by the platform";
        }
        return access.writable(field.key(), operation) ? null : "cannot be written with your roles";
    }

    /** A parsed value as a read shows it, to compare with what is stored. */
    static JsonValue json(FieldModel field, Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        return switch (field.type()) {
            case INTEGER -> Json.createValue((Long) value);
            case DECIMAL -> Json.createValue(((BigDecimal) value).toPlainString());
            case BOOLEAN -> (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
            case TIMESTAMP -> Json.createValue(((OffsetDateTime) value).toInstant().toString());
            case JSON -> {
                try (JsonReader reader = Json.createReader(new StringReader((String) value))) {
                    yield reader.readValue();
                }
            }
            default -> Json.createValue(value.toString());
        };
    }
}
