package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;

/** One key of a list's default sort. */
public class SortDesign implements Serializable {

    private static final long serialVersionUID = 1L;

    private String field = "";
    private String direction = "";

    static SortDesign parse(JsonObject json) {
        SortDesign sort = new SortDesign();
        sort.field = JsonValues.string(json, "field");
        sort.direction = JsonValues.string(json, "direction");
        return sort;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "field", field);
        JsonValues.put(json, "direction", direction);
        return json.build();
    }

    public boolean isDescending() {
        return "desc".equals(direction);
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field == null ? "" : field;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction == null ? "" : direction;
    }
}
