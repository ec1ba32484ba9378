package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one role may do with one type: the operations, a row-level rule (conditions every visible
 * row meets) and field-level rules.
 */
public class AccessDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<String> OPERATIONS = List.of("read", "create", "update", "delete");
    private static final Set<String> EDITED = Set.of("role", "type", "operations", "rows", "fields");

    private String role = "";
    private String type = "";
    private final Set<String> operations = new HashSet<>();
    /** The order the model listed the operations in, kept while the set stays the same. */
    private List<String> loadedOrder = List.of();
    private ConditionList rows = new ConditionList();
    private final List<FieldRuleDesign> fields = new ArrayList<>();
    private boolean fieldsListed;
    private String extras;

    static AccessDesign parse(JsonObject json) {
        AccessDesign rule = new AccessDesign();
        rule.role = JsonValues.string(json, "role");
        rule.type = JsonValues.string(json, "type");
        if (json.get("operations") instanceof JsonArray array) {
            rule.loadedOrder = array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            rule.operations.addAll(rule.loadedOrder);
        }
        rule.rows = ConditionList.parse(json.get("rows"));
        if (json.get("fields") instanceof JsonArray array) {
            rule.fieldsListed = true;
            array.getValuesAs(JsonObject.class).forEach(f -> rule.fields.add(FieldRuleDesign.parse(f)));
        }
        rule.extras = JsonValues.extras(json, EDITED);
        return rule;
    }

    JsonObject toJson(FieldTypes types) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "role", role);
        JsonValues.put(json, "type", type);
        JsonArrayBuilder ops = Json.createArrayBuilder();
        List<String> order = new HashSet<>(loadedOrder).equals(operations) ? loadedOrder : OPERATIONS;
        order.stream().filter(operations::contains).forEach(ops::add);
        json.add("operations", ops);
        rows.putInto(json, "rows", f -> types.of(type, f));
        if (fieldsListed || !fields.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            fields.forEach(f -> array.add(f.toJson()));
            json.add("fields", array);
        }
        return JsonValues.withExtras(json, extras).build();
    }

    public void addFieldRule() {
        fields.add(new FieldRuleDesign());
    }

    public void removeFieldRule(FieldRuleDesign rule) {
        Moves.remove(fields, rule);
    }

    public boolean isRead() {
        return operations.contains("read");
    }

    public void setRead(boolean allowed) {
        allow("read", allowed);
    }

    public boolean isCreate() {
        return operations.contains("create");
    }

    public void setCreate(boolean allowed) {
        allow("create", allowed);
    }

    public boolean isUpdate() {
        return operations.contains("update");
    }

    public void setUpdate(boolean allowed) {
        allow("update", allowed);
    }

    public boolean isDelete() {
        return operations.contains("delete");
    }

    public void setDelete(boolean allowed) {
        allow("delete", allowed);
    }

    private void allow(String operation, boolean allowed) {
        if (allowed) {
            operations.add(operation);
        } else {
            operations.remove(operation);
        }
    }

    public ConditionList getRows() {
        return rows;
    }

    public List<FieldRuleDesign> getFields() {
        return fields;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role == null ? "" : role;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null ? "" : type;
    }
}
