package io.plinth.workplace.records;

import java.io.Serializable;

/** A column of a records list: a field the user may see, with its label. */
public record ListColumn(ModelField field, String label) implements Serializable {

    public String getKey() {
        return field.key();
    }

    public String getLabel() {
        return label;
    }

    public boolean isSortable() {
        return field.isSortable();
    }
}
