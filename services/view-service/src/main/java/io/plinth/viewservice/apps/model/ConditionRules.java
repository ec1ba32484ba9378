package io.plinth.viewservice.apps.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conditions {@code {field, op, value}}, used by form visibility and read-only conditions, list
 * filters and row-level access rules. A list of conditions holds when all of them hold. A value is
 * a literal valid for the field, or one of the variables {@code $user.id} and {@code $user.groups}.
 */
final class ConditionRules {

    static final int MAX_CONDITIONS = 20;
    static final int MAX_IN_VALUES = 200;
    static final List<String> OPERATORS = List.of("eq", "ne", "lt", "le", "gt", "ge", "in", "not-in", "contains",
            "is-null", "is-not-null");
    static final String USER_ID = "$user.id";
    static final String USER_GROUPS = "$user.groups";

    private static final Set<String> PROPERTIES = Set.of("field", "op", "value");
    private static final Set<String> ORDERED = Set.of("lt", "le", "gt", "ge");
    private static final Set<String> NULL_TESTS = Set.of("is-null", "is-not-null");
    private static final Set<String> MEMBERSHIP = Set.of("in", "not-in");

    private final Findings findings;

    ConditionRules(Findings findings) {
        this.findings = findings;
    }

    /**
     * Checks the member {@code name} of {@code parent}, a list of conditions on the fields of type
     * {@code typeKey} ({@code fields} is null when that type is unknown: the field names are not checked then).
     */
    void check(JsonObject parent, String name, String path, String typeKey, Map<String, FieldInfo> fields) {
        JsonArray conditions = findings.array(parent, name, path, MAX_CONDITIONS, "conditions");
        if (conditions == null) {
            return;
        }
        String listPath = Findings.at(path, name);
        for (int i = 0; i < conditions.size(); i++) {
            String at = Findings.at(listPath, i);
            JsonObject condition = findings.object(conditions.get(i), at, "a condition {field, op, value}");
            if (condition != null) {
                condition(condition, at, typeKey, fields);
            }
        }
    }

    private void condition(JsonObject condition, String path, String typeKey, Map<String, FieldInfo> fields) {
        findings.onlyKnown(condition, path, PROPERTIES, "a condition");
        FieldInfo field = TypeRules.field(findings, condition, "field", path, typeKey, fields);
        String op = findings.choice(condition, "op", path, OPERATORS, null);
        if (!condition.containsKey("op")) {
            findings.error(Findings.at(path, "op"), "is required");
        }
        if (op == null) {
            return;
        }
        JsonValue value = condition.get("value");
        String valuePath = Findings.at(path, "value");
        if (NULL_TESTS.contains(op)) {
            if (value != null) {
                findings.error(valuePath, "must be left out: " + op + " takes no value");
            }
            return;
        }
        if (value == null || value == JsonValue.NULL) {
            findings.error(valuePath, "is required for " + op + (op.equals("eq") ? " (use is-null to test for no value)" : ""));
            return;
        }
        if (field == null || field.type() == null) {
            return;
        }
        if (!field.comparable()) {
            findings.error(Findings.at(path, "op"), (field.many() ? "a many reference" : "a json field")
                    + " can only be tested with is-null or is-not-null");
            return;
        }
        if (ORDERED.contains(op) && !orderable(field.type())) {
            findings.error(Findings.at(path, "op"), op + " needs a text, number, date or timestamp field, and '"
                    + field.key() + "' is " + field.type().modelName());
            return;
        }
        if (op.equals("contains") && field.type() != FieldType.TEXT) {
            findings.error(Findings.at(path, "op"), "contains needs a text field, and '" + field.key() + "' is "
                    + field.type().modelName());
            return;
        }
        if (value instanceof JsonString s && s.getString().startsWith("$user.")) {
            variable(s.getString(), op, field, valuePath);
        } else if (MEMBERSHIP.contains(op)) {
            members(value, field, valuePath);
        } else {
            String problem = ValueRules.problem(field, value);
            if (problem != null) {
                findings.error(valuePath, problem);
            }
        }
    }

    private void variable(String variable, String op, FieldInfo field, String path) {
        switch (variable) {
            case USER_ID -> {
                if (!op.equals("eq") && !op.equals("ne")) {
                    findings.error(path, USER_ID + " is compared with eq or ne");
                } else if (field.type() != FieldType.USER && field.type() != FieldType.TEXT) {
                    findings.error(path, USER_ID + " compares only with user or text fields, and '" + field.key()
                            + "' is " + field.type().modelName());
                }
            }
            case USER_GROUPS -> {
                if (!MEMBERSHIP.contains(op)) {
                    findings.error(path, USER_GROUPS + " is a list: use it with in or not-in");
                } else if (field.type() != FieldType.TEXT && field.type() != FieldType.ENUM) {
                    findings.error(path, USER_GROUPS + " compares only with text or enum fields, and '" + field.key()
                            + "' is " + field.type().modelName());
                }
            }
            default -> findings.error(path, "unknown variable '" + variable + "': use " + USER_ID + " or " + USER_GROUPS);
        }
    }

    private void members(JsonValue value, FieldInfo field, String path) {
        if (!(value instanceof JsonArray values) || values.isEmpty() || values.size() > MAX_IN_VALUES) {
            findings.error(path, "must be an array of 1 to " + MAX_IN_VALUES + " values, or " + USER_GROUPS);
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String problem = ValueRules.problem(field, values.get(i));
            if (problem != null) {
                findings.error(Findings.at(path, i), problem);
            }
        }
    }

    private static boolean orderable(FieldType type) {
        return type == FieldType.INTEGER || type == FieldType.DECIMAL || type == FieldType.DATE
                || type == FieldType.TIMESTAMP || type == FieldType.TEXT;
    }
}
