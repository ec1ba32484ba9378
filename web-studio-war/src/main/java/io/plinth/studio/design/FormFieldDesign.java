package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.Set;

/** A field placed in a form section: its column, label, read-only flag and conditions. */
public class FormFieldDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("field", "label", "column", "readOnly", "visibleWhen",
            "readOnlyWhen");

    private String field = "";
    private String label = "";
    private String column = "";
    private boolean readOnly;
    private ConditionList visibleWhen = new ConditionList();
    private ConditionList readOnlyWhen = new ConditionList();
    private String extras;

    static FormFieldDesign parse(JsonObject json) {
        FormFieldDesign placed = new FormFieldDesign();
        placed.field = JsonValues.string(json, "field");
        placed.label = JsonValues.string(json, "label");
        placed.column = JsonValues.numberText(json.get("column"));
        placed.readOnly = JsonValues.flag(json, "readOnly");
        placed.visibleWhen = ConditionList.parse(json.get("visibleWhen"));
        placed.readOnlyWhen = ConditionList.parse(json.get("readOnlyWhen"));
        placed.extras = JsonValues.extras(json, EDITED);
        return placed;
    }

    JsonObject toJson(String typeKey, FieldTypes types) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "field", field);
        JsonValues.put(json, "label", label);
        JsonValues.put(json, "column", JsonValues.number(column));
        JsonValues.putFlag(json, "readOnly", readOnly);
        visibleWhen.putInto(json, "visibleWhen", f -> types.of(typeKey, f));
        readOnlyWhen.putInto(json, "readOnlyWhen", f -> types.of(typeKey, f));
        return JsonValues.withExtras(json, extras).build();
    }

    /** The column the field sits in, 1 when none is given or it is not a number. */
    int columnNumber() {
        try {
            return Math.max(1, Integer.parseInt(column.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field == null ? "" : field;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label == null ? "" : label;
    }

    public String getColumn() {
        return column;
    }

    public void setColumn(String column) {
        this.column = column == null ? "" : column;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public ConditionList getVisibleWhen() {
        return visibleWhen;
    }

    public ConditionList getReadOnlyWhen() {
        return readOnlyWhen;
    }
}
