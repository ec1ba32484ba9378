package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;

/**
 * One field of a type of the published model. {@code referenceType} is the target of a reference,
 * {@code many} true for a reference to many records, {@code defaultValue} the model's default as
 * JSON text (null for none), which a new record's form starts with.
 */
public record ModelField(String key, String label, FieldKind kind, boolean required, boolean computed,
                         int length, List<String> values, String referenceType, boolean many, String defaultValue)
        implements Serializable {

    public ModelField {
        values = List.copyOf(values);
    }

    /** A field without a default. */
    public ModelField(String key, String label, FieldKind kind, boolean required, boolean computed, int length,
                      List<String> values, String referenceType, boolean many) {
        this(key, label, kind, required, computed, length, values, referenceType, many, null);
    }

    /** A user may type or pick its value; json, user and file fields and computed ones are only shown. */
    public boolean isEditable() {
        return !computed && switch (kind) {
            case JSON, USER, FILE -> false;
            default -> true;
        };
    }

    /** Lists may sort and filter by it: not by json fields or references to many records. */
    public boolean isSortable() {
        return kind != FieldKind.JSON && !(kind == FieldKind.REFERENCE && many);
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public String getKind() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A reference to many records: the form picks several, as an array of ids. */
    public boolean isMany() {
        return kind == FieldKind.REFERENCE && many;
    }

    public boolean isRequired() {
        return required;
    }

    public int getLength() {
        return length;
    }

    public List<String> getValues() {
        return values;
    }
}
