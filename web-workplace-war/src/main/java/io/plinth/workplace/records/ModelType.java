package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** A type of the published model with its fields in the model's order. */
public record ModelType(String key, String label, List<ModelField> fields) implements Serializable {

    public ModelType {
        fields = List.copyOf(fields);
    }

    public Optional<ModelField> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    /** What names a record of this type in a picker: its first text field, if it has one. */
    public Optional<ModelField> firstTextField() {
        return fields.stream().filter(f -> f.kind() == FieldKind.TEXT).findFirst();
    }
}
