package io.plinth.catalogs.storage;

import io.plinth.kernel.model.ModelKeys;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code types} of an app model into {@link TypeModel}s. catalogs turns these into DDL,
 * so it trusts nothing view-service validated: every key, size and value is checked here again,
 * and every problem is reported at once with its JSON path ({@code types[1].fields[0].key}).
 * Attributes that do not apply to a field's type (a {@code length} on an integer) are ignored.
 */
public final class TypeModelParser {

    public static final int MAX_TYPES = 200;
    public static final int MAX_FIELDS = 300;
    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int DEFAULT_TEXT_LENGTH = 255;
    public static final int DEFAULT_PRECISION = 18;
    public static final int MAX_PRECISION = 38;
    public static final int MAX_ENUM_VALUES = 200;
    public static final int MAX_JSON_DEFAULT = 10_000;

    /** Type and field keys. A double underscore is refused: it separates the parts of table names. */
    static final Pattern ENUM_VALUE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("-?[0-9]{1,38}(\\.[0-9]{1,38})?");
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,19}");

    /** The system columns of every record, and PostgreSQL's own hidden columns. */
    static final Set<String> RESERVED_FIELD_KEYS = Set.copyOf(ModelKeys.RESERVED_FIELDS);

    private static final Set<FieldType> PARTITION_TYPES = Set.of(FieldType.TEXT, FieldType.ENUM, FieldType.INTEGER,
            FieldType.REFERENCE, FieldType.USER);

    private final List<FieldError> errors = new ArrayList<>();

    private TypeModelParser() {
    }

    /** The types of {@code model} (an app model or {@code {"types": [...]}}), or a 400 problem listing every error. */
    public static List<TypeModel> parse(JsonValue model) {
        TypeModelParser parser = new TypeModelParser();
        List<TypeModel> types = parser.model(model);
        if (!parser.errors.isEmpty()) {
            throw ProblemException.invalid(parser.errors);
        }
        return types;
    }

    /** The types of a JSON array in normal form, as {@link TypeModel#toJson(List)} wrote it. */
    public static List<TypeModel> parseTypes(JsonArray types) {
        return parse(Json.createObjectBuilder().add("types", types).build());
    }

    private List<TypeModel> model(JsonValue model) {
        if (!(model instanceof JsonObject object)) {
            errors.add(new FieldError("", "must be a JSON object with a 'types' array"));
            return List.of();
        }
        JsonValue types = object.get("types");
        if (!(types instanceof JsonArray list)) {
            errors.add(new FieldError("types", types == null || types == JsonValue.NULL ? "is required"
                    : "must be an array"));
            return List.of();
        }
        if (list.size() > MAX_TYPES) {
            errors.add(new FieldError("types", "must hold at most " + MAX_TYPES + " types"));
            return List.of();
        }
        List<TypeModel> result = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "types[" + i + "]";
            if (!(list.get(i) instanceof JsonObject type)) {
                errors.add(new FieldError(path, "must be an object"));
                continue;
            }
            TypeModel parsed = type(type, path);
            if (parsed != null) {
                if (!keys.add(parsed.key())) {
                    errors.add(new FieldError(path + ".key", "'" + parsed.key() + "' is the key of another type"));
                }
                result.add(parsed);
                positions.add(i);
            }
        }
        for (int i = 0; i < result.size(); i++) {
            references(result.get(i), "types[" + positions.get(i) + "]", keys);
        }
        return result;
    }

    private TypeModel type(JsonObject type, String path) {
        int before = errors.size();
        String key = key(type, "key", path, true);
        String name = text(type, "name", path, MAX_NAME);
        String partition = key(type, "securityPartition", path, false);
        List<FieldModel> fields = new ArrayList<>();
        JsonValue list = type.get("fields");
        if (list == null || list == JsonValue.NULL) {
            errors.add(new FieldError(path + ".fields", "is required"));
        } else if (!(list instanceof JsonArray array)) {
            errors.add(new FieldError(path + ".fields", "must be an array"));
        } else if (array.size() > MAX_FIELDS) {
            errors.add(new FieldError(path + ".fields", "must hold at most " + MAX_FIELDS + " fields"));
        } else {
            Set<String> keys = new HashSet<>();
            Map<String, String> renames = new HashMap<>();
            for (int i = 0; i < array.size(); i++) {
                String fieldPath = path + ".fields[" + i + "]";
                if (!(array.get(i) instanceof JsonObject field)) {
                    errors.add(new FieldError(fieldPath, "must be an object"));
                    continue;
                }
                FieldModel parsed = field(field, fieldPath);
                if (parsed == null) {
                    continue;
                }
                if (!keys.add(parsed.key())) {
                    errors.add(new FieldError(fieldPath + ".key", "'" + parsed.key() + "' is the key of another field"));
                }
                if (parsed.previousKey() != null && renames.put(parsed.previousKey(), parsed.key()) != null) {
                    errors.add(new FieldError(fieldPath + ".previousKey",
                            "another field already renames '" + parsed.previousKey() + "'"));
                }
                fields.add(parsed);
            }
        }
        if (partition != null) {
            FieldModel field = fields.stream().filter(f -> f.key().equals(partition)).findFirst().orElse(null);
            if (field == null) {
                errors.add(new FieldError(path + ".securityPartition", "'" + partition + "' is not a field of this type"));
            } else if (!PARTITION_TYPES.contains(field.type()) || field.many()) {
                errors.add(new FieldError(path + ".securityPartition",
                        "must be a text, enum, integer, user or single reference field"));
            }
        }
        return errors.size() == before ? new TypeModel(key, name, partition, fields) : null;
    }

    private FieldModel field(JsonObject field, String path) {
        int before = errors.size();
        String key = key(field, "key", path, true);
        if (key != null && RESERVED_FIELD_KEYS.contains(key)) {
            errors.add(new FieldError(path + ".key", "'" + key + "' is reserved for a system column"));
        }
        String name = text(field, "name", path, MAX_NAME);
        String previousKey = key(field, "previousKey", path, false);
        if (previousKey != null && previousKey.equals(key)) {
            previousKey = null;
        }
        FieldType type = null;
        String typeKey = string(field, "type", path);
        if (typeKey == null) {
            if (!field.containsKey("type") || field.isNull("type")) {
                errors.add(new FieldError(path + ".type", "is required"));
            }
        } else {
            type = FieldType.of(typeKey).orElse(null);
            if (type == null) {
                errors.add(new FieldError(path + ".type", "must be one of text, integer, decimal, boolean, date,"
                        + " timestamp, enum, reference, user, file, json"));
            }
        }
        boolean required = flag(field, "required", path);
        boolean unique = flag(field, "unique", path);
        boolean indexed = flag(field, "indexed", path);
        boolean computed = flag(field, "computed", path);
        if (type == null) {
            return null;
        }
        int length = 0;
        int precision = 0;
        int scale = 0;
        List<String> values = List.of();
        ReferenceModel reference = null;
        switch (type) {
            case TEXT -> length = number(field, "length", path, 1, MAX_TEXT_LENGTH, DEFAULT_TEXT_LENGTH);
            case DECIMAL -> {
                precision = number(field, "precision", path, 1, MAX_PRECISION, DEFAULT_PRECISION);
                scale = number(field, "scale", path, 0, Math.max(precision, 0), 0);
            }
            case ENUM -> values = enumValues(field, path);
            case REFERENCE -> reference = reference(field, path, required);
            default -> {
            }
        }
        if (reference != null && reference.many() && unique) {
            errors.add(new FieldError(path + ".unique", "a reference to many records cannot be unique"));
        }
        if (type == FieldType.JSON && unique) {
            errors.add(new FieldError(path + ".unique", "a json field cannot be unique"));
        }
        if (errors.size() != before) {
            return null;
        }
        FieldModel parsed = new FieldModel(key, name, previousKey, type, required, unique, indexed, computed, length,
                precision, scale, values, reference, null);
        JsonValue defaultValue = field.get("default");
        if (defaultValue == null || defaultValue == JsonValue.NULL) {
            return parsed;
        }
        JsonValue normal = defaultValue(parsed, defaultValue, path + ".default");
        return normal == null ? null : new FieldModel(key, name, previousKey, type, required, unique, indexed,
                computed, length, precision, scale, values, reference, normal);
    }

    private List<String> enumValues(JsonObject field, String path) {
        JsonValue value = field.get("values");
        if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_ENUM_VALUES) {
            errors.add(new FieldError(path + ".values", "must be an array of 1 to " + MAX_ENUM_VALUES + " values"));
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString s) || !ENUM_VALUE.matcher(s.getString()).matches()) {
                errors.add(new FieldError(path + ".values[" + i + "]",
                        "must be 1 to 63 lower-case letters, digits, '_' or '-', starting with a letter or digit"));
            } else if (!values.add(s.getString())) {
                errors.add(new FieldError(path + ".values[" + i + "]", "'" + s.getString() + "' is listed twice"));
            }
        }
        return List.copyOf(values);
    }

    private ReferenceModel reference(JsonObject field, String path, boolean required) {
        String refPath = path + ".reference";
        if (!(field.get("reference") instanceof JsonObject reference)) {
            errors.add(new FieldError(refPath, "is required for a reference field and must be an object"));
            return null;
        }
        String type = key(reference, "type", refPath, true);
        String cardinalityKey = string(reference, "cardinality", refPath);
        ReferenceModel.Cardinality cardinality = cardinalityKey == null ? ReferenceModel.Cardinality.ONE
                : ReferenceModel.Cardinality.of(cardinalityKey).orElse(null);
        if (cardinality == null) {
            errors.add(new FieldError(refPath + ".cardinality", "must be one or many"));
        }
        String onDeleteKey = string(reference, "onDelete", refPath);
        ReferenceModel.OnDelete onDelete = onDeleteKey == null ? ReferenceModel.OnDelete.RESTRICT
                : ReferenceModel.OnDelete.of(onDeleteKey).orElse(null);
        if (onDelete == null) {
            errors.add(new FieldError(refPath + ".onDelete", "must be restrict, cascade or set-null"));
        } else if (onDelete == ReferenceModel.OnDelete.SET_NULL && required) {
            errors.add(new FieldError(refPath + ".onDelete", "set-null is not possible for a required field"));
        }
        return type == null || cardinality == null || onDelete == null ? null
                : new ReferenceModel(type, cardinality, onDelete);
    }

    /** A parsed type holds every field of its JSON, in order, so list positions are JSON positions. */
    private void references(TypeModel type, String path, Set<String> typeKeys) {
        for (int i = 0; i < type.fields().size(); i++) {
            ReferenceModel reference = type.fields().get(i).reference();
            if (reference != null && !typeKeys.contains(reference.type())) {
                errors.add(new FieldError(path + ".fields[" + i + "].reference.type",
                        "'" + reference.type() + "' is not a type of this app"));
            }
        }
    }

    /**
     * The default in normal form, so equal defaults compare equal: integers as numbers, decimals as
     * strings with the field's scale, dates as ISO dates, timestamps as UTC instants, ids in lower case.
     */
    private JsonValue defaultValue(FieldModel field, JsonValue value, String path) {
        try {
            JsonValue normal = normalDefault(field, value);
            if (normal == null) {
                errors.add(new FieldError(path, "is not a valid " + field.describeType() + " value"));
            }
            return normal;
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            errors.add(new FieldError(path, "is not a valid " + field.describeType() + " value"));
            return null;
        } catch (DefaultOutOfRange e) {
            errors.add(new FieldError(path, e.getMessage()));
            return null;
        }
    }

    private static JsonValue normalDefault(FieldModel field, JsonValue value) {
        String text = value instanceof JsonString s ? s.getString() : null;
        if (text != null && text.indexOf('\0') >= 0) {
            return null;
        }
        return switch (field.type()) {
            case TEXT -> {
                if (text == null) {
                    yield null;
                }
                if (text.length() > field.length()) {
                    throw new DefaultOutOfRange("must be at most " + field.length() + " characters");
                }
                yield Json.createValue(text);
            }
            case INTEGER -> {
                // isIntegral first: bigIntegerValueExact of 1e999999999 would build a huge number.
                BigInteger number = value instanceof JsonNumber n ? n.isIntegral() ? n.bigIntegerValueExact() : null
                        : text != null && INTEGER_TEXT.matcher(text).matches() ? new BigInteger(text) : null;
                yield number == null ? null : Json.createValue(number.longValueExact());
            }
            case DECIMAL -> {
                BigDecimal number = value instanceof JsonNumber n ? n.bigDecimalValue()
                        : text != null && DECIMAL_TEXT.matcher(text).matches() ? new BigDecimal(text) : null;
                yield number == null ? null : Json.createValue(decimal(field, number));
            }
            case BOOLEAN -> value == JsonValue.TRUE || value == JsonValue.FALSE ? value : null;
            case DATE -> text == null ? null : Json.createValue(supportedYear(LocalDate.parse(text)).toString());
            case TIMESTAMP -> {
                if (text == null) {
                    yield null;
                }
                OffsetDateTime time = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
                supportedYear(time.toLocalDate());
                yield Json.createValue(time.toInstant().toString());
            }
            case ENUM -> text != null && field.values().contains(text) ? value : null;
            case USER, FILE -> text != null && UUID_TEXT.matcher(text).matches()
                    ? Json.createValue(text.toLowerCase(Locale.ROOT)) : null;
            case REFERENCE -> {
                if (field.many()) {
                    throw new DefaultOutOfRange("a reference to many records has no default");
                }
                yield text != null && UUID_TEXT.matcher(text).matches()
                        ? Json.createValue(text.toLowerCase(Locale.ROOT)) : null;
            }
            case JSON -> {
                String json = value.toString();
                if (json.length() > MAX_JSON_DEFAULT) {
                    throw new DefaultOutOfRange("must be at most " + MAX_JSON_DEFAULT + " characters of JSON");
                }
                yield holdsNul(value) ? null : value;
            }
        };
    }

    /** PostgreSQL's jsonb cannot hold the NUL character, in a value or in a key. */
    private static boolean holdsNul(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().indexOf('\0') >= 0;
            case ARRAY -> value.asJsonArray().stream().anyMatch(TypeModelParser::holdsNul);
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .anyMatch(e -> e.getKey().indexOf('\0') >= 0 || holdsNul(e.getValue()));
            default -> false;
        };
    }

    private static LocalDate supportedYear(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new DefaultOutOfRange("must be a date from year 1 to 9999");
        }
        return date;
    }

    private static String decimal(FieldModel field, BigDecimal number) {
        // Bounds before setScale: rescaling 1e-999999999 or 1e999999999 would take forever.
        if (number.scale() > 2 * MAX_PRECISION || number.precision() - number.scale() > MAX_PRECISION) {
            throw new DefaultOutOfRange("is out of range for " + field.describeType());
        }
        BigDecimal scaled;
        try {
            scaled = number.setScale(field.scale());
        } catch (ArithmeticException e) {
            throw new DefaultOutOfRange("must have at most " + field.scale() + " decimals");
        }
        if (scaled.precision() - scaled.scale() > field.precision() - field.scale()
                && scaled.compareTo(BigDecimal.ZERO) != 0) {
            throw new DefaultOutOfRange("must have at most " + (field.precision() - field.scale())
                    + " digits before the decimal point");
        }
        return scaled.toPlainString();
    }

    /** A default that has the right type but does not fit the field; its message says why. */
    private static final class DefaultOutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DefaultOutOfRange(String message) {
            super(message, null, false, false);
        }
    }

    private String key(JsonObject object, String name, String path, boolean required) {
        String key = string(object, name, path);
        if (key == null) {
            if (required && (!object.containsKey(name) || object.isNull(name))) {
                errors.add(new FieldError(path + "." + name, "is required"));
            }
            return null;
        }
        if (!ModelKeys.isTypeKey(key)) {
            errors.add(new FieldError(path + "." + name, ModelKeys.TYPE_RULE));
            return null;
        }
        return key;
    }

    private String text(JsonObject object, String name, String path, int max) {
        String text = string(object, name, path);
        if (text != null && text.length() > max) {
            errors.add(new FieldError(path + "." + name, "must be at most " + max + " characters"));
            return null;
        }
        return text;
    }

    private String string(JsonObject object, String name, String path) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new FieldError(path + "." + name, "must be a string"));
        return null;
    }

    private boolean flag(JsonObject object, String name, String path) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        errors.add(new FieldError(path + "." + name, "must be true or false"));
        return false;
    }

    private int number(JsonObject object, String name, String path, int min, int max, int fallback) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigDecimalValue().compareTo(BigDecimal.valueOf(min)) >= 0
                && n.bigDecimalValue().compareTo(BigDecimal.valueOf(max)) <= 0) {
            return n.intValue();
        }
        errors.add(new FieldError(path + "." + name, "must be a whole number from " + min + " to " + max));
        return -1;
    }
}
