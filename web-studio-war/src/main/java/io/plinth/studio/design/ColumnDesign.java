package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.Set;

/** A column of a list: the field it shows, an optional heading and width in pixels. */
public class ColumnDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("field", "label", "width");

    private String field = "";
    private String label = "";
    private String width = "";
    private String extras;

    static ColumnDesign parse(JsonObject json) {
        ColumnDesign column = new ColumnDesign();
        column.field = JsonValues.string(json, "field");
        column.label = JsonValues.string(json, "label");
        column.width = JsonValues.numberText(json.get("width"));
        column.extras = JsonValues.extras(json, EDITED);
        return column;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "field", field);
        JsonValues.put(json, "label", label);
        JsonValues.put(json, "width", JsonValues.number(width));
        return JsonValues.withExtras(json, extras).build();
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

    public String getWidth() {
        return width;
    }

    public void setWidth(String width) {
        this.width = width == null ? "" : width;
    }
}
