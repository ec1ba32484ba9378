package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.Set;

/**
 * One field of a type as the designer edits it. Only the attributes of its field type are written
 * (a text field's length, an enum's values, ...): switching the type drops the others.
 */
public class FieldDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("key", "name", "type", "required", "unique", "indexed",
            "computed", "default", "length", "precision", "scale", "values", "reference");
    private static final Set<String> REFERENCE_EDITED = Set.of("type", "cardinality", "onDelete");

    private String key = "";
    private String name = "";
    private String type = "text";
    private boolean required;
    private boolean unique;
    private boolean indexed;
    private boolean computed;
    private EditableValue defaultValue = EditableValue.empty();
    private String length = "";
    private String precision = "";
    private String scale = "";
    private String values = "";
    private String referenceType = "";
    private String cardinality = "";
    private String onDelete = "";
    private String extras;
    private String referenceExtras;

    static FieldDesign parse(JsonObject json) {
        FieldDesign field = new FieldDesign();
        field.key = JsonValues.string(json, "key");
        field.name = JsonValues.string(json, "name");
        field.type = JsonValues.string(json, "type");
        field.required = JsonValues.flag(json, "required");
        field.unique = JsonValues.flag(json, "unique");
        field.indexed = JsonValues.flag(json, "indexed");
        field.computed = JsonValues.flag(json, "computed");
        field.defaultValue = new EditableValue(json.get("default"));
        field.length = JsonValues.numberText(json.get("length"));
        field.precision = JsonValues.numberText(json.get("precision"));
        field.scale = JsonValues.numberText(json.get("scale"));
        field.values = JsonValues.text(json.get("values"));
        if (json.get("reference") instanceof JsonObject reference) {
            field.referenceType = JsonValues.string(reference, "type");
            field.cardinality = JsonValues.string(reference, "cardinality");
            field.onDelete = JsonValues.string(reference, "onDelete");
            field.referenceExtras = JsonValues.extras(reference, REFERENCE_EDITED);
        }
        field.extras = JsonValues.extras(json, EDITED);
        return field;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "key", key);
        JsonValues.put(json, "name", name);
        JsonValues.put(json, "type", type);
        JsonValues.putFlag(json, "required", required);
        JsonValues.putFlag(json, "unique", unique);
        JsonValues.putFlag(json, "indexed", indexed);
        JsonValues.putFlag(json, "computed", computed);
        switch (type == null ? "" : type) {
            case "text" -> JsonValues.put(json, "length", JsonValues.number(length));
            case "decimal" -> {
                JsonValues.put(json, "precision", JsonValues.number(precision));
                JsonValues.put(json, "scale", JsonValues.number(scale));
            }
            case "enum" -> JsonValues.put(json, "values", JsonValues.list(values, "enum"));
            case "reference" -> json.add("reference", reference());
            default -> {
            }
        }
        JsonValues.put(json, "default", defaultValue.toJson(type, false));
        return JsonValues.withExtras(json, extras).build();
    }

    private JsonObject reference() {
        JsonObjectBuilder reference = Json.createObjectBuilder();
        JsonValues.put(reference, "type", referenceType);
        JsonValues.put(reference, "cardinality", cardinality);
        JsonValues.put(reference, "onDelete", onDelete);
        return JsonValues.withExtras(reference, referenceExtras).build();
    }

    /** What a label shows: the name, else the key. */
    public String getLabel() {
        return name == null || name.isBlank() ? key : name;
    }

    /** The value a condition on this field compares with: an enum field's values, as a list. */
    public java.util.List<String> getValueList() {
        JsonValue list = JsonValues.list(values, "enum");
        return list == null ? java.util.List.of() : list.asJsonArray().stream().map(JsonValues::text).toList();
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
        this.type = type;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public boolean isUnique() {
        return unique;
    }

    public void setUnique(boolean unique) {
        this.unique = unique;
    }

    public boolean isIndexed() {
        return indexed;
    }

    public void setIndexed(boolean indexed) {
        this.indexed = indexed;
    }

    public boolean isComputed() {
        return computed;
    }

    public void setComputed(boolean computed) {
        this.computed = computed;
    }

    public EditableValue getDefaultValue() {
        return defaultValue;
    }

    public String getLength() {
        return length;
    }

    public void setLength(String length) {
        this.length = length;
    }

    public String getPrecision() {
        return precision;
    }

    public void setPrecision(String precision) {
        this.precision = precision;
    }

    public String getScale() {
        return scale;
    }

    public void setScale(String scale) {
        this.scale = scale;
    }

    public String getValues() {
        return values;
    }

    public void setValues(String values) {
        this.values = values;
    }

    public String getReferenceType() {
        return referenceType;
    }

    public void setReferenceType(String referenceType) {
        this.referenceType = referenceType;
    }

    public String getCardinality() {
        return cardinality;
    }

    public void setCardinality(String cardinality) {
        this.cardinality = cardinality;
    }

    public String getOnDelete() {
        return onDelete;
    }

    public void setOnDelete(String onDelete) {
        this.onDelete = onDelete;
    }
}
