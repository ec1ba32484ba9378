package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A section of a form: a title, 1..4 columns and its fields in display order. */
public class SectionDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("title", "columns", "fields");

    private String title = "";
    private String columns = "";
    private final List<FormFieldDesign> fields = new ArrayList<>();
    private String extras;

    static SectionDesign parse(JsonObject json) {
        SectionDesign section = new SectionDesign();
        section.title = JsonValues.string(json, "title");
        section.columns = JsonValues.numberText(json.get("columns"));
        if (json.get("fields") instanceof JsonArray array) {
            array.getValuesAs(JsonObject.class).forEach(f -> section.fields.add(FormFieldDesign.parse(f)));
        }
        section.extras = JsonValues.extras(json, EDITED);
        return section;
    }

    JsonObject toJson(String typeKey, FieldTypes types) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "title", title);
        JsonValues.put(json, "columns", JsonValues.number(columns));
        JsonArrayBuilder array = Json.createArrayBuilder();
        fields.forEach(f -> array.add(f.toJson(typeKey, types)));
        json.add("fields", array);
        return JsonValues.withExtras(json, extras).build();
    }

    public void addField() {
        FormFieldDesign field = new FormFieldDesign();
        fields.add(field);
    }

    public void removeField(FormFieldDesign field) {
        Moves.remove(fields, field);
    }

    public void moveUp(FormFieldDesign field) {
        Moves.up(fields, field);
    }

    public void moveDown(FormFieldDesign field) {
        Moves.down(fields, field);
    }

    /** The number of columns, 1 when none is given or it is not a number between 1 and 4. */
    public int getColumnCount() {
        try {
            int count = Integer.parseInt(columns.strip());
            return count >= 1 && count <= 4 ? count : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public List<FormFieldDesign> getFields() {
        return fields;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title;
    }

    public String getColumns() {
        return columns;
    }

    public void setColumns(String columns) {
        this.columns = columns == null ? "" : columns;
    }
}
