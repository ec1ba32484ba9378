package io.plinth.viewservice.apps.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data types of a model (what catalogs turns into tables): keys, field kinds and their
 * attributes, defaults, references between types, security partitions, and renames declared with
 * {@code previousKey} against the active version.
 */
final class TypeRules {

    static final int MAX_TYPES = 200;
    static final int MAX_FIELDS = 300;
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_PRECISION = 38;
    static final int MAX_ENUM_VALUES = 200;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2_000;
    static final List<String> CARDINALITIES = List.of("one", "many");
    static final List<String> ON_DELETE = List.of("restrict", "cascade", "set-null");

    private static final Set<String> TYPE_PROPERTIES = Set.of("key", "name", "description", "securityPartition", "fields");
    private static final Set<String> FIELD_PROPERTIES = Set.of("key", "previousKey", "name", "description", "type",
            "required", "unique", "indexed", "computed", "default", "length", "precision", "scale", "values",
            "reference");
    private static final Set<String> REFERENCE_PROPERTIES = Set.of("type", "cardinality", "onDelete");
    private static final Set<FieldType> PARTITION_TYPES = Set.of(FieldType.TEXT, FieldType.ENUM, FieldType.INTEGER,
            FieldType.USER, FieldType.REFERENCE);

    private final Findings findings;
    private final ModelValidator.Context context;

    TypeRules(Findings findings, ModelValidator.Context context) {
        this.findings = findings;
        this.context = context;
    }

    /** Checks {@code types} and answers the fields of every type with a usable key, by type key. */
    Map<String, Map<String, FieldInfo>> check(JsonObject model, String root) {
        Map<String, Map<String, FieldInfo>> index = new LinkedHashMap<>();
        JsonArray types = findings.array(model, "types", root, MAX_TYPES, "types");
        if (types == null) {
            return index;
        }
        String path = Findings.at(root, "types");
        Set<String> typeKeys = declaredTypeKeys(types);
        Map<String, String> firstPathOfType = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject type = findings.object(types.get(i), at, "a type object {key, name, fields}");
            if (type == null) {
                continue;
            }
            findings.onlyKnown(type, at, TYPE_PROPERTIES, "a type");
            String key = findings.key(type, "key", at, Keys.TYPE, Keys.TYPE_RULE);
            findings.text(type, "name", at, false, MAX_NAME);
            findings.text(type, "description", at, false, MAX_DESCRIPTION);
            if (key != null) {
                String first = firstPathOfType.putIfAbsent(key, at);
                if (first != null) {
                    findings.error(Findings.at(at, "key"), "duplicates " + first + ".key: '" + key + "'");
                    continue;
                }
            }
            Map<String, FieldInfo> fields = fields(type, at, key, typeKeys);
            securityPartition(type, at, key, fields);
            if (key != null) {
                index.put(key, fields);
            }
        }
        return index;
    }

    /** Every type key, read first so that a reference may name a type declared after it. */
    private static Set<String> declaredTypeKeys(JsonArray types) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonValue type : types) {
            if (type instanceof JsonObject object && object.get("key") instanceof JsonString key) {
                keys.add(key.getString());
            }
        }
        return keys;
    }

    private Map<String, FieldInfo> fields(JsonObject type, String typePath, String typeKey, Set<String> typeKeys) {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        JsonArray array = findings.array(type, "fields", typePath, MAX_FIELDS, "fields");
        if (array == null) {
            return fields;
        }
        String path = Findings.at(typePath, "fields");
        Map<String, String> firstPath = new HashMap<>();
        Map<String, String> renamedBy = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject field = findings.object(array.get(i), at, "a field object {key, type}");
            if (field == null) {
                continue;
            }
            FieldInfo info = field(field, at, typeKeys);
            if (info == null) {
                continue;
            }
            String first = firstPath.putIfAbsent(info.key(), at);
            if (first != null) {
                findings.error(Findings.at(at, "key"), "duplicates " + first + ".key: '" + info.key() + "'");
                continue;
            }
            fields.put(info.key(), info);
            JsonValue previous = field.get("previousKey");
            String previousKey = previous == null || previous == JsonValue.NULL ? null
                    : findings.key(previous, Findings.at(at, "previousKey"), Keys.TYPE, Keys.TYPE_RULE);
            if (previousKey != null && previousKey.equals(info.key())) {
                findings.error(Findings.at(at, "previousKey"),
                        "is the field's own key: leave previousKey out when nothing is renamed");
            } else if (previousKey != null) {
                String other = renamedBy.putIfAbsent(previousKey, at);
                if (other != null) {
                    findings.error(Findings.at(at, "previousKey"), "'" + previousKey + "' is already renamed by "
                            + other);
                } else {
                    rename(typeKey, info.key(), previousKey, Findings.at(at, "previousKey"));
                }
            }
        }
        renamedKeysStillPresent(renamedBy, fields);
        return fields;
    }

    /** One field: its key, kind and the attributes that kind allows. Null when its key is unusable. */
    private FieldInfo field(JsonObject field, String path, Set<String> typeKeys) {
        findings.onlyKnown(field, path, FIELD_PROPERTIES, "a field");
        String key = findings.key(field, "key", path, Keys.TYPE, Keys.TYPE_RULE);
        if (key != null && Keys.RESERVED_FIELDS.contains(key)) {
            findings.error(Findings.at(path, "key"), "'" + key + "' is reserved for a system column ("
                    + String.join(", ", Keys.RESERVED_FIELDS) + ")");
            key = null;
        }
        findings.text(field, "name", path, false, MAX_NAME);
        findings.text(field, "description", path, false, MAX_DESCRIPTION);
        boolean required = findings.flag(field, "required", path);
        boolean unique = findings.flag(field, "unique", path);
        boolean indexed = findings.flag(field, "indexed", path);
        findings.flag(field, "computed", path);
        FieldType type = fieldType(field, path);

        int length = onlyFor(field, "length", path, type, FieldType.TEXT)
                ? findings.integer(field, "length", path, 1, MAX_TEXT_LENGTH, FieldInfo.DEFAULT_LENGTH)
                : FieldInfo.DEFAULT_LENGTH;
        int precision = onlyFor(field, "precision", path, type, FieldType.DECIMAL)
                ? findings.integer(field, "precision", path, 1, MAX_PRECISION, FieldInfo.DEFAULT_PRECISION)
                : FieldInfo.DEFAULT_PRECISION;
        int scale = onlyFor(field, "scale", path, type, FieldType.DECIMAL)
                ? findings.integer(field, "scale", path, 0, precision, FieldInfo.DEFAULT_SCALE)
                : FieldInfo.DEFAULT_SCALE;
        Set<String> values = onlyFor(field, "values", path, type, FieldType.ENUM) ? enumValues(field, path, type)
                : Set.of();
        boolean many = onlyFor(field, "reference", path, type, FieldType.REFERENCE)
                && reference(field, path, type, required, typeKeys);

        if ((type == FieldType.JSON || many) && (unique || indexed)) {
            findings.error(Findings.at(path, unique ? "unique" : "indexed"), (many
                    ? "a many reference is kept in a link table: it cannot be " : "a json field cannot be ")
                    + (unique ? "unique" : "indexed"));
        }
        if (key == null) {
            return null;
        }
        FieldInfo info = new FieldInfo(key, type, length, precision, scale, values, many, false);
        defaultValue(field, path, info);
        return info;
    }

    private FieldType fieldType(JsonObject field, String path) {
        JsonValue value = field.get("type");
        String at = Findings.at(path, "type");
        if (value == null || value == JsonValue.NULL) {
            findings.error(at, "is required: one of " + FieldType.names());
            return null;
        }
        if (!(value instanceof JsonString name)) {
            findings.error(at, "must be a string: one of " + FieldType.names());
            return null;
        }
        FieldType type = FieldType.of(name.getString());
        if (type == null) {
            findings.error(at, "unknown field type '" + name.getString() + "': use one of " + FieldType.names());
        }
        return type;
    }

    /** Whether the attribute {@code name} is present and allowed: reported when present on another kind. */
    private boolean onlyFor(JsonObject field, String name, String path, FieldType type, FieldType allowed) {
        boolean present = field.containsKey(name) && field.get(name) != JsonValue.NULL;
        if (present && type != null && type != allowed) {
            findings.error(Findings.at(path, name), "applies only to " + allowed.modelName() + " fields");
            return false;
        }
        return type == allowed;
    }

    private Set<String> enumValues(JsonObject field, String path, FieldType type) {
        Set<String> values = new LinkedHashSet<>();
        String at = Findings.at(path, "values");
        if (!field.containsKey("values") || field.get("values") == JsonValue.NULL) {
            findings.error(at, "an enum field needs values: 1 to " + MAX_ENUM_VALUES + " keys");
            return values;
        }
        JsonArray array = findings.array(field, "values", path, MAX_ENUM_VALUES, "values");
        if (array == null) {
            return values;
        }
        if (array.isEmpty()) {
            findings.error(at, "an enum field needs at least one value");
        }
        for (int i = 0; i < array.size(); i++) {
            String value = findings.key(array.get(i), Findings.at(at, i), Keys.ENUM_VALUE, Keys.ENUM_VALUE_RULE);
            if (value != null && !values.add(value)) {
                findings.error(Findings.at(at, i), "duplicates the value '" + value + "'");
            }
        }
        return values;
    }

    /** Checks {@code reference} and answers whether it is a many reference. */
    private boolean reference(JsonObject field, String path, FieldType type, boolean required, Set<String> typeKeys) {
        String at = Findings.at(path, "reference");
        if (!field.containsKey("reference") || field.get("reference") == JsonValue.NULL) {
            findings.error(at, "a reference field needs reference: {type, cardinality, onDelete}");
            return false;
        }
        JsonObject reference = findings.object(field.get("reference"), at, "an object {type, cardinality, onDelete}");
        if (reference == null) {
            return false;
        }
        findings.onlyKnown(reference, at, REFERENCE_PROPERTIES, "a reference");
        String target = findings.key(reference, "type", at, Keys.TYPE, Keys.TYPE_RULE);
        if (target != null && !typeKeys.contains(target)) {
            findings.error(Findings.at(at, "type"), "names no type of this app: '" + target + "'");
        }
        String cardinality = findings.choice(reference, "cardinality", at, CARDINALITIES, "one");
        String onDelete = findings.choice(reference, "onDelete", at, ON_DELETE, "restrict");
        if (onDelete.equals("set-null")) {
            if (required) {
                findings.error(Findings.at(at, "onDelete"), "set-null cannot be used on a required field");
            } else if (cardinality.equals("many")) {
                findings.error(Findings.at(at, "onDelete"), "set-null applies only to cardinality one");
            }
        }
        return cardinality.equals("many");
    }

    private void defaultValue(JsonObject field, String path, FieldInfo info) {
        JsonValue value = field.get("default");
        if (value == null || value == JsonValue.NULL || info.type() == null) {
            return;
        }
        String at = Findings.at(path, "default");
        if (info.type() == FieldType.REFERENCE || info.type() == FieldType.FILE) {
            findings.error(at, "a " + info.type().modelName() + " field cannot have a default");
            return;
        }
        if (info.type() == FieldType.USER && value instanceof JsonString s && s.getString().equals(ConditionRules.USER_ID)) {
            return;
        }
        String problem = ValueRules.problem(info, value);
        if (problem != null) {
            findings.error(at, "is not valid for a " + info.type().modelName() + " field: " + problem);
        }
    }

    private void securityPartition(JsonObject type, String path, String typeKey, Map<String, FieldInfo> fields) {
        if (!type.containsKey("securityPartition") || type.get("securityPartition") == JsonValue.NULL) {
            return;
        }
        String at = Findings.at(path, "securityPartition");
        String key = findings.key(type.get("securityPartition"), at, Keys.TYPE, Keys.TYPE_RULE);
        if (key == null) {
            return;
        }
        FieldInfo field = fields.get(key);
        if (field == null) {
            findings.error(at, "names no field of type '" + typeKey + "': '" + key + "'");
        } else if (field.type() != null && (!PARTITION_TYPES.contains(field.type()) || field.many())) {
            findings.error(at, "must name a text, enum, integer, user or single reference field, and '" + key
                    + "' is " + (field.many() ? "a many reference" : field.type().modelName()));
        }
    }

    /** A rename is declared against the active version: the old key must be there, and free the new one. */
    private void rename(String typeKey, String key, String previousKey, String path) {
        if (!context.checkRenames() || typeKey == null) {
            return;
        }
        if (context.active() == null) {
            findings.error(path, "there is no active version to rename '" + previousKey + "' from");
            return;
        }
        Set<String> activeFields = ActiveModel.fieldKeys(context.active(), typeKey);
        if (activeFields == null) {
            findings.error(path, "type '" + typeKey + "' is not in the active version, so nothing in it can be renamed");
        } else if (!activeFields.contains(previousKey)) {
            findings.error(path, "names no field of type '" + typeKey + "' in the active version: '" + previousKey + "'");
        } else if (activeFields.contains(key)) {
            findings.error(path, "cannot rename '" + previousKey + "' to '" + key + "': the active version already has a field '"
                    + key + "'");
        }
    }

    private void renamedKeysStillPresent(Map<String, String> renamedBy, Map<String, FieldInfo> fields) {
        renamedBy.forEach((previousKey, path) -> {
            if (fields.containsKey(previousKey)) {
                findings.error(Findings.at(path, "previousKey"), "'" + previousKey
                        + "' is still a field of this type: a renamed key must be gone");
            }
        });
    }

    /**
     * Resolves the member {@code name} of {@code parent} to a field of type {@code typeKey} or a system
     * column. Reports a field the type does not have; null when unresolved or {@code fields} is unknown.
     */
    static FieldInfo field(Findings findings, JsonObject parent, String name, String path, String typeKey,
                           Map<String, FieldInfo> fields) {
        String key = findings.key(parent, name, path, Keys.TYPE, Keys.TYPE_RULE);
        if (key == null || fields == null) {
            return null;
        }
        FieldInfo field = fields.containsKey(key) ? fields.get(key) : FieldInfo.SYSTEM.get(key);
        if (field == null) {
            findings.error(Findings.at(path, name), "names no field of type '" + typeKey + "': '" + key + "'");
        }
        return field;
    }
}
