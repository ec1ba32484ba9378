package io.plinth.catalogs.storage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * One validated field of a data type. Attributes that do not apply to the field's type are
 * normalised away ({@code length} is 0 unless text, {@code values} empty unless enum...), and
 * {@code defaultValue} is the default in its normal form (see {@link TypeModelParser}), or null.
 * {@code previousKey} only matters for the plan that renames the field; it is not kept afterwards.
 */
public record FieldModel(String key, String name, String previousKey, FieldType type, boolean required,
                         boolean unique, boolean indexed, boolean computed, int length, int precision, int scale,
                         List<String> values, ReferenceModel reference, JsonValue defaultValue) {

    public FieldModel {
        values = List.copyOf(values);
    }

    /** A many-reference lives in a link table, every other field in a column of the type's table. */
    public boolean many() {
        return reference != null && reference.many();
    }

    /** A one-reference: a uuid column with a foreign key. */
    public boolean referenceOne() {
        return reference != null && !reference.many();
    }

    /** The column type; not defined for a many-reference. */
    public String sqlType() {
        return switch (type) {
            case TEXT -> "varchar(" + length + ")";
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric(" + precision + "," + scale + ")";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamptz";
            case ENUM -> "text";
            case REFERENCE, USER, FILE -> "uuid";
            case JSON -> "jsonb";
        };
    }

    /** Unique fields are indexed by their constraint; one-references always get an index for their key. */
    public boolean needsIndex() {
        return !unique && !many() && (indexed || referenceOne());
    }

    /** A description for people: {@code decimal(12,2)}, {@code text(200)}, {@code reference to customer}. */
    public String describeType() {
        return switch (type) {
            case TEXT -> "text(" + length + ")";
            case DECIMAL -> "decimal(" + precision + "," + scale + ")";
            case ENUM -> "enum " + values;
            case REFERENCE -> "reference to " + (many() ? "many " : "one ") + reference.type();
            default -> type.key();
        };
    }

    /** The same field under another key (the state right after a rename). */
    FieldModel withKey(String newKey) {
        return new FieldModel(newKey, name, previousKey, type, required, unique, indexed, computed, length, precision,
                scale, values, reference, defaultValue);
    }

    /** The normal form kept as the applied schema: no previousKey, only the attributes of the type. */
    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("key", key);
        if (name != null) {
            json.add("name", name);
        }
        json.add("type", type.key())
                .add("required", required)
                .add("unique", unique)
                .add("indexed", indexed)
                .add("computed", computed);
        switch (type) {
            case TEXT -> json.add("length", length);
            case DECIMAL -> json.add("precision", precision).add("scale", scale);
            case ENUM -> json.add("values", Json.createArrayBuilder(values));
            case REFERENCE -> json.add("reference", reference.toJson());
            default -> {
            }
        }
        if (defaultValue != null) {
            json.add("default", defaultValue);
        }
        return json.build();
    }
}
