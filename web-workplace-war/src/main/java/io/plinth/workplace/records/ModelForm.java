package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;

/**
 * A form of the published model (docs/app-model.md, "Forms, lists, navigation"): sections of
 * fields in display order, each field in a column, read-only always or under conditions, shown
 * only under conditions.
 */
public record ModelForm(String key, String type, List<Section> sections) implements Serializable {

    /** A titled group of fields laid out in 1..4 columns. */
    public record Section(String title, int columns, List<Field> fields) implements Serializable {

        public Section {
            fields = List.copyOf(fields);
        }
    }

    /** A field of the form: which of the type's fields, where, under which label, and when. */
    public record Field(String field, int column, String label, boolean readOnly, List<Condition> visibleWhen,
                        List<Condition> readOnlyWhen) implements Serializable {

        public Field {
            visibleWhen = List.copyOf(visibleWhen);
            readOnlyWhen = List.copyOf(readOnlyWhen);
        }
    }

    public ModelForm {
        sections = List.copyOf(sections);
    }
}
