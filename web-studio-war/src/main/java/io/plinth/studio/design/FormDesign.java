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

/** A form over one type: its sections in order. */
public class FormDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("key", "name", "type", "sections");

    private String key = "";
    private String name = "";
    private String type = "";
    private final List<SectionDesign> sections = new ArrayList<>();
    private String extras;

    static FormDesign parse(JsonObject json) {
        FormDesign form = new FormDesign();
        form.key = JsonValues.string(json, "key");
        form.name = JsonValues.string(json, "name");
        form.type = JsonValues.string(json, "type");
        if (json.get("sections") instanceof JsonArray array) {
            array.getValuesAs(JsonObject.class).forEach(s -> form.sections.add(SectionDesign.parse(s)));
        }
        form.extras = JsonValues.extras(json, EDITED);
        return form;
    }

    /** A new form starts with one section: a form has at least one. */
    static FormDesign create(String typeKey) {
        FormDesign form = new FormDesign();
        form.type = typeKey;
        form.addSection();
        return form;
    }

    JsonObject toJson(FieldTypes types) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "key", key);
        JsonValues.put(json, "name", name);
        JsonValues.put(json, "type", type);
        JsonArrayBuilder array = Json.createArrayBuilder();
        sections.forEach(s -> array.add(s.toJson(type, types)));
        json.add("sections", array);
        return JsonValues.withExtras(json, extras).build();
    }

    public void addSection() {
        SectionDesign section = new SectionDesign();
        sections.add(section);
    }

    public void removeSection(SectionDesign section) {
        Moves.remove(sections, section);
    }

    public void moveUp(SectionDesign section) {
        Moves.up(sections, section);
    }

    public void moveDown(SectionDesign section) {
        Moves.down(sections, section);
    }

    public List<SectionDesign> getSections() {
        return sections;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key == null ? "" : key.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null ? "" : type;
    }
}
