package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the {@code access} part of an app model (docs/app-model.md) against the app's types. Rules
 * become SQL, so everything is checked again here and every problem is reported at once with its
 * path ({@code access[2].rows[0].value}). Besides the model's form it takes the earlier outline:
 * {@code rows} as one condition object, {@code fields} as {@code {"hidden": [...], "readOnly": [...]}}.
 * Members it does not know are ignored (view-service refuses them).
 */
public final class AccessRulesParser {

    public static final int MAX_RULES = 1000;
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_LIST = 200;

    /** App role keys (the model's item keys). */
    static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    private final Map<String, TypeModel> types;
    private final List<FieldError> errors = new ArrayList<>();

    private AccessRulesParser(List<TypeModel> types) {
        this.types = types.stream().collect(Collectors.toMap(TypeModel::key, Function.identity()));
    }

    /** The rules of {@code access} (an array, or null for none), or a 400 problem listing every error. */
    public static AccessRules parse(JsonValue access, List<TypeModel> types) {
        AccessRulesParser parser = new AccessRulesParser(types);
        List<AccessRule> rules = parser.rules(access);
        if (!parser.errors.isEmpty()) {
            throw ProblemException.invalid(parser.errors);
        }
        return new AccessRules(rules);
    }

    private List<AccessRule> rules(JsonValue access) {
        if (access == null || access == JsonValue.NULL) {
            return List.of();
        }
        if (!(access instanceof JsonArray list)) {
            errors.add(new FieldError("access", "must be an array of access rules"));
            return List.of();
        }
        if (list.size() > MAX_RULES) {
            errors.add(new FieldError("access", "must hold at most " + MAX_RULES + " rules"));
            return List.of();
        }
        List<AccessRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "access[" + i + "]";
            if (!(list.get(i) instanceof JsonObject object)) {
                errors.add(new FieldError(path, "must be an object"));
                continue;
            }
            AccessRule rule = rule(object, path);
            if (rule != null) {
                if (!seen.add(rule.role() + "/" + rule.type())) {
                    errors.add(new FieldError(path, "role '" + rule.role() + "' already has a rule for type '"
                            + rule.type() + "'"));
                }
                rules.add(rule);
            }
        }
        return rules;
    }

    private AccessRule rule(JsonObject object, String path) {
        int before = errors.size();
        String role = string(object, "role", path);
        if (role != null && !ROLE.matcher(role).matches()) {
            errors.add(new FieldError(path + ".role", "must be 1 to 63 lower-case letters, digits, '_' or '-',"
                    + " starting with a letter"));
        }
        String typeKey = string(object, "type", path);
        TypeModel type = typeKey == null ? null : types.get(typeKey);
        if (typeKey != null && type == null) {
            errors.add(new FieldError(path + ".type", "'" + typeKey + "' is not a type of this app"));
        }
        Set<Operation> operations = operations(object.get("operations"), path + ".operations");
        if (type == null) {
            return null;
        }
        List<Condition> rows = conditions(type, object.get("rows"), path + ".rows");
        Set<String> hidden = new LinkedHashSet<>();
        Set<String> readOnly = new LinkedHashSet<>();
        fields(type, object.get("fields"), path + ".fields", hidden, readOnly);
        return errors.size() == before ? new AccessRule(role, typeKey, operations, rows, hidden, readOnly) : null;
    }

    private Set<Operation> operations(JsonValue value, String path) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        if (!(value instanceof JsonArray list)) {
            errors.add(new FieldError(path, value == null || value == JsonValue.NULL ? "is required"
                    : "must be an array of read, create, update, delete"));
            return operations;
        }
        for (int i = 0; i < list.size(); i++) {
            Operation operation = list.get(i) instanceof JsonString s ? Operation.of(s.getString()).orElse(null) : null;
            if (operation == null) {
                errors.add(new FieldError(path + "[" + i + "]", "must be read, create, update or delete"));
            } else {
                operations.add(operation);
            }
        }
        return operations;
    }

    private List<Condition> conditions(TypeModel type, JsonValue value, String path) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value instanceof JsonObject single) {
            Condition condition = condition(type, single, path);
            return condition == null ? List.of() : List.of(condition);
        }
        if (!(value instanceof JsonArray list) || list.size() > MAX_CONDITIONS) {
            errors.add(new FieldError(path, "must be an array of at most " + MAX_CONDITIONS + " conditions"));
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject object)) {
                errors.add(new FieldError(path + "[" + i + "]", "must be an object"));
                continue;
            }
            Condition condition = condition(type, object, path + "[" + i + "]");
            if (condition != null) {
                conditions.add(condition);
            }
        }
        return conditions;
    }

    private Condition condition(TypeModel type, JsonObject object, String path) {
        String fieldKey = string(object, "field", path);
        String opKey = string(object, "op", path);
        if (fieldKey == null || opKey == null) {
            return null;
        }
        FieldModel field = SystemFields.find(type, fieldKey).orElse(null);
        if (field == null) {
            errors.add(new FieldError(path + ".field", "'" + fieldKey + "' is not a field of type '" + type.key() + "'"));
            return null;
        }
        Operator op = Operator.of(opKey).filter(Operator.IN_RULES::contains).orElse(null);
        if (op == null) {
            errors.add(new FieldError(path + ".op", "must be one of eq, ne, lt, le, gt, ge, in, not-in, contains,"
                    + " is-null, is-not-null"));
            return null;
        }
        if (field.many()) {
            // A policy on the type reading its link table, whose policy reads the type: PostgreSQL refuses the loop.
            errors.add(new FieldError(path + ".field", "a row rule cannot use a reference to many records"));
            return null;
        }
        String misuse = Predicates.misuse(field, op);
        if (misuse != null) {
            errors.add(new FieldError(path + ".op", misuse));
            return null;
        }
        JsonValue value = object.get("value");
        List<Object> values = values(field, op, value, path + ".value");
        return values == null ? null : new Condition(fieldKey, op, value == JsonValue.NULL ? null : value, values);
    }

    private List<Object> values(FieldModel field, Operator op, JsonValue value, String path) {
        boolean absent = value == null || value == JsonValue.NULL;
        if (op.arity() == 0) {
            if (!absent) {
                errors.add(new FieldError(path, op.key() + " takes no value"));
                return null;
            }
            return List.of();
        }
        if (absent) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (value instanceof JsonString s && s.getString().startsWith("$user.")) {
            Variable variable = Variable.of(s.getString());
            String misuse = variable == null ? "only $user.id and $user.groups are known"
                    : variable.misuse(op, field.type());
            if (misuse != null) {
                errors.add(new FieldError(path, misuse));
                return null;
            }
            return List.of(variable);
        }
        if (op.arity() == 1) {
            Object parsed = value(field, value, path);
            return parsed == null ? null : List.of(parsed);
        }
        if (!(value instanceof JsonArray list) || list.isEmpty() || list.size() > MAX_LIST) {
            errors.add(new FieldError(path, "must be an array of 1 to " + MAX_LIST + " values"));
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object parsed = value(field, list.get(i), path + "[" + i + "]");
            if (parsed == null) {
                return null;
            }
            values.add(parsed);
        }
        return values;
    }

    private Object value(FieldModel field, JsonValue value, String path) {
        try {
            Object parsed = FieldValues.parse(field, value);
            if (parsed == null) {
                errors.add(new FieldError(path, "cannot be null: use is-null"));
            }
            return parsed;
        } catch (FieldValues.InvalidValue e) {
            errors.add(new FieldError(path, e.getMessage()));
            return null;
        }
    }

    private void fields(TypeModel type, JsonValue value, String path, Set<String> hidden, Set<String> readOnly) {
        if (value == null || value == JsonValue.NULL) {
            return;
        }
        if (value instanceof JsonObject outline) {
            fieldList(type, outline.get("hidden"), path + ".hidden", hidden);
            fieldList(type, outline.get("readOnly"), path + ".readOnly", readOnly);
            return;
        }
        if (!(value instanceof JsonArray list) || list.size() > 300) {
            errors.add(new FieldError(path, "must be an array of at most 300 {field, access}"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!(list.get(i) instanceof JsonObject item)) {
                errors.add(new FieldError(itemPath, "must be an object"));
                continue;
            }
            String field = fieldOf(type, item.get("field"), itemPath + ".field");
            String access = string(item, "access", itemPath);
            if (access != null && !access.equals("hidden") && !access.equals("read-only")) {
                errors.add(new FieldError(itemPath + ".access", "must be hidden or read-only"));
            } else if (field != null && access != null) {
                (access.equals("hidden") ? hidden : readOnly).add(field);
            }
        }
    }

    private void fieldList(TypeModel type, JsonValue value, String path, Set<String> into) {
        if (value == null || value == JsonValue.NULL) {
            return;
        }
        if (!(value instanceof JsonArray list) || list.size() > 300) {
            errors.add(new FieldError(path, "must be an array of at most 300 field keys"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String field = fieldOf(type, list.get(i), path + "[" + i + "]");
            if (field != null) {
                into.add(field);
            }
        }
    }

    /** A field a field-level rule may name: any field of the type or a system field but id and version. */
    private String fieldOf(TypeModel type, JsonValue value, String path) {
        if (!(value instanceof JsonString s)) {
            errors.add(new FieldError(path, "must be a field key"));
            return null;
        }
        String key = s.getString();
        if (key.equals(SystemFields.ID) || key.equals(SystemFields.VERSION)) {
            errors.add(new FieldError(path, "'" + key + "' is always visible"));
            return null;
        }
        if (SystemFields.find(type, key).isEmpty()) {
            errors.add(new FieldError(path, "'" + key + "' is not a field of type '" + type.key() + "'"));
            return null;
        }
        return key;
    }

    private String string(JsonObject object, String name, String path) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new FieldError(path + "." + name, value == null || value == JsonValue.NULL ? "is required"
                : "must be a string"));
        return null;
    }
}
