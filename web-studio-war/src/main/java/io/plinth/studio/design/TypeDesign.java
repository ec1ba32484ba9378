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

/** One data type: its key, name, security partition and fields in order. */
public class TypeDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("key", "name", "securityPartition", "fields");

    private String key = "";
    private String name = "";
    private String securityPartition = "";
    private final List<FieldDesign> fields = new ArrayList<>();
    /** Whether the model had a fields array: {@code "fields": []} and no fields at all read back as they were. */
    private boolean fieldsListed;
    private String extras;

    static TypeDesign parse(JsonObject json) {
        TypeDesign type = new TypeDesign();
        type.key = JsonValues.string(json, "key");
        type.name = JsonValues.string(json, "name");
        type.securityPartition = JsonValues.string(json, "securityPartition");
        if (json.get("fields") instanceof JsonArray array) {
            type.fieldsListed = true;
            array.getValuesAs(JsonObject.class).forEach(f -> type.fields.add(FieldDesign.parse(f)));
        }
        type.extras = JsonValues.extras(json, EDITED);
        return type;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "key", key);
        JsonValues.put(json, "name", name);
        JsonValues.put(json, "securityPartition", securityPartition);
        if (fieldsListed || !fields.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            fields.forEach(f -> array.add(f.toJson()));
            json.add("fields", array);
        }
        return JsonValues.withExtras(json, extras).build();
    }

    public void addField() {
        FieldDesign field = new FieldDesign();
        fields.add(field);
    }

    public void removeField(FieldDesign field) {
        Moves.remove(fields, field);
    }

    public void moveUp(FieldDesign field) {
        Moves.up(fields, field);
    }

    public void moveDown(FieldDesign field) {
        Moves.down(fields, field);
    }

    /** The field with {@code fieldKey}, or null. */
    public FieldDesign field(String fieldKey) {
        return fields.stream().filter(f -> f.getKey().equals(fieldKey)).findFirst().orElse(null);
    }

    public List<String> getFieldKeys() {
        return fields.stream().map(FieldDesign::getKey).filter(k -> !k.isBlank()).toList();
    }

    public String getLabel() {
        return name == null || name.isBlank() ? key : name;
    }

    public List<FieldDesign> getFields() {
        return fields;
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

    public String getSecurityPartition() {
        return securityPartition;
    }

    public void setSecurityPartition(String securityPartition) {
        this.securityPartition = securityPartition == null ? "" : securityPartition;
    }
}
