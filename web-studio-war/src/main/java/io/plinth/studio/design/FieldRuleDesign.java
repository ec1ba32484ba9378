package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;

/** A field-level rule of an access rule: the field hidden from the role, or read-only for it. */
public class FieldRuleDesign implements Serializable {

    private static final long serialVersionUID = 1L;

    private String field = "";
    private String access = "hidden";

    static FieldRuleDesign parse(JsonObject json) {
        FieldRuleDesign rule = new FieldRuleDesign();
        rule.field = JsonValues.string(json, "field");
        rule.access = JsonValues.string(json, "access");
        return rule;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "field", field);
        JsonValues.put(json, "access", access);
        return json.build();
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field == null ? "" : field;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }
}
