package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Conditions that must all hold: a row rule, a default filter, a visible-when or read-only-when. */
public class ConditionList implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<ConditionDesign> items = new ArrayList<>();
    /** Present in the model, if empty: it reads back as it was. */
    private boolean listed;

    static ConditionList parse(JsonValue json) {
        ConditionList list = new ConditionList();
        if (json instanceof JsonArray array) {
            list.listed = true;
            array.getValuesAs(JsonObject.class).forEach(c -> list.items.add(ConditionDesign.parse(c)));
        }
        return list;
    }

    /** Adds the list as {@code name} unless it is empty and was not in the model. */
    void putInto(JsonObjectBuilder json, String name, UnaryOperator<String> fieldTypes) {
        if (listed || !items.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(c -> array.add(c.toJson(fieldTypes.apply(c.getField()))));
            json.add(name, array);
        }
    }

    public void add() {
        items.add(new ConditionDesign());
    }

    public void remove(ConditionDesign condition) {
        Moves.remove(items, condition);
    }

    public List<ConditionDesign> getItems() {
        return items;
    }
}
