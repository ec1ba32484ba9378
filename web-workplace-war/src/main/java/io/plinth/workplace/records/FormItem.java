package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;

/**
 * A field as a form shows it: the type's field, its label and column, read-only always or under
 * conditions, shown only under conditions. A type without a designed form shows each field once,
 * in model order, with no conditions.
 */
public record FormItem(ModelField field, String label, int column, boolean readOnly, List<Condition> visibleWhen,
                       List<Condition> readOnlyWhen) implements Serializable {

    public FormItem {
        visibleWhen = List.copyOf(visibleWhen);
        readOnlyWhen = List.copyOf(readOnlyWhen);
    }

    static FormItem plain(ModelField field) {
        return new FormItem(field, field.label(), 1, false, List.of(), List.of());
    }

    public ModelField getField() {
        return field;
    }

    public String getLabel() {
        return label;
    }

    public int getColumn() {
        return column;
    }
}
