package io.plinth.viewservice.apps.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The app's roles and what each may do with each type: the operations it may perform, the rows it
 * may see ({@code rows}: conditions that must all hold) and fields hidden or read-only for it.
 */
final class AccessRules {

    static final int MAX_ROLES = 100;
    static final int MAX_RULES = 1_000;
    static final int MAX_FIELD_RULES = 300;
    static final List<String> OPERATIONS = List.of("read", "create", "update", "delete");
    static final List<String> FIELD_ACCESS = List.of("hidden", "read-only");

    private static final Set<String> ROLE = Set.of("key", "name", "description");
    private static final Set<String> RULE = Set.of("role", "type", "operations", "rows", "fields");
    private static final Set<String> FIELD_RULE = Set.of("field", "access");

    private final Findings findings;
    private final Map<String, Map<String, FieldInfo>> types;
    private final ConditionRules conditions;

    AccessRules(Findings findings, Map<String, Map<String, FieldInfo>> types) {
        this.findings = findings;
        this.types = types;
        this.conditions = new ConditionRules(findings);
    }

    /** Checks {@code roles} and answers their keys. */
    Set<String> roles(JsonObject model, String root) {
        Set<String> keys = new LinkedHashSet<>();
        JsonArray roles = findings.array(model, "roles", root, MAX_ROLES, "roles");
        if (roles == null) {
            return keys;
        }
        String path = Findings.at(root, "roles");
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < roles.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject role = findings.object(roles.get(i), at, "a role object {key, name}");
            if (role == null) {
                continue;
            }
            findings.onlyKnown(role, at, ROLE, "a role");
            String key = findings.key(role, "key", at, Keys.ITEM, Keys.ITEM_RULE);
            findings.text(role, "name", at, false, TypeRules.MAX_NAME);
            findings.text(role, "description", at, false, TypeRules.MAX_DESCRIPTION);
            if (key != null) {
                String first = firstPath.putIfAbsent(key, at);
                if (first != null) {
                    findings.error(Findings.at(at, "key"), "duplicates " + first + ".key: '" + key + "'");
                }
                keys.add(key);
            }
        }
        return keys;
    }

    void access(JsonObject model, String root, Set<String> roles) {
        JsonArray rules = findings.array(model, "access", root, MAX_RULES, "access rules");
        if (rules == null) {
            return;
        }
        String path = Findings.at(root, "access");
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject rule = findings.object(rules.get(i), at, "an access rule {role, type, operations, rows, fields}");
            if (rule == null) {
                continue;
            }
            findings.onlyKnown(rule, at, RULE, "an access rule");
            String role = findings.key(rule, "role", at, Keys.ITEM, Keys.ITEM_RULE);
            if (role != null && !roles.contains(role)) {
                findings.error(Findings.at(at, "role"), "names no role of this app: '" + role + "'");
            }
            String type = findings.key(rule, "type", at, Keys.TYPE, Keys.TYPE_RULE);
            if (type != null && !types.containsKey(type)) {
                findings.error(Findings.at(at, "type"), "names no type of this app: '" + type + "'");
                type = null;
            }
            if (role != null && type != null) {
                String first = firstPath.putIfAbsent(role + "/" + type, at);
                if (first != null) {
                    findings.error(at, "duplicates " + first + ": one rule per role and type");
                }
            }
            operations(rule, at);
            Map<String, FieldInfo> fields = types.get(type);
            conditions.check(rule, "rows", at, type, fields);
            fieldRules(rule, at, type, fields);
        }
    }

    private void operations(JsonObject rule, String path) {
        String at = Findings.at(path, "operations");
        if (!rule.containsKey("operations")) {
            findings.error(at, "is required: a list of " + String.join(", ", OPERATIONS));
            return;
        }
        JsonArray operations = findings.array(rule, "operations", path, OPERATIONS.size(), "operations");
        if (operations == null) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            String opPath = Findings.at(at, i);
            if (!(operations.get(i) instanceof JsonString op) || !OPERATIONS.contains(op.getString())) {
                findings.error(opPath, "unknown operation: use " + String.join(", ", OPERATIONS));
            } else if (!seen.add(op.getString())) {
                findings.error(opPath, "duplicates the operation '" + op.getString() + "'");
            }
        }
    }

    private void fieldRules(JsonObject rule, String rulePath, String type, Map<String, FieldInfo> fields) {
        JsonArray entries = findings.array(rule, "fields", rulePath, MAX_FIELD_RULES, "field rules");
        if (entries == null) {
            return;
        }
        String path = Findings.at(rulePath, "fields");
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject entry = findings.object(entries.get(i), at, "a field rule {field, access}");
            if (entry == null) {
                continue;
            }
            findings.onlyKnown(entry, at, FIELD_RULE, "a field rule");
            FieldInfo field = TypeRules.field(findings, entry, "field", at, type, fields);
            if (field != null) {
                String first = firstPath.putIfAbsent(field.key(), at);
                if (first != null) {
                    findings.error(Findings.at(at, "field"), "'" + field.key() + "' already has a rule at " + first);
                }
            }
            if (!entry.containsKey("access")) {
                findings.error(Findings.at(at, "access"), "is required: " + String.join(" or ", FIELD_ACCESS));
            }
            findings.choice(entry, "access", at, FIELD_ACCESS, null);
        }
    }
}
