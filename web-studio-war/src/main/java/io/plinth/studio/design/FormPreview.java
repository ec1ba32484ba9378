package io.plinth.studio.design;

import java.util.ArrayList;
import java.util.List;

/**
 * A form as the workplace lays it out: each section's fields in the columns they name (a column
 * beyond the section's count goes to its last), in the order they are placed.
 */
public final class FormPreview {

    /** A section: its title and its columns, each a list of fields from top to bottom. */
    public record Section(String title, List<List<Placed>> columns) {
    }

    /** A placed field with what the preview shows of it. */
    public record Placed(FormFieldDesign placed, String label, String kind, FieldDesign field) {

        public boolean isRequired() {
            return field != null && field.isRequired();
        }

        /** Read-only for users: marked so, computed, or a system field. */
        public boolean isLocked() {
            return placed.isReadOnly() || field == null || field.isComputed();
        }
    }

    private FormPreview() {
    }

    public static List<Section> of(FormDesign form, DraftDocument draft) {
        List<Section> sections = new ArrayList<>();
        for (SectionDesign section : form.getSections()) {
            int count = section.getColumnCount();
            List<List<Placed>> columns = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
            for (FormFieldDesign placed : section.getFields()) {
                int column = Math.min(placed.columnNumber(), count);
                columns.get(column - 1).add(placed(placed, form.getType(), draft));
            }
            sections.add(new Section(section.getTitle(), columns));
        }
        return sections;
    }

    private static Placed placed(FormFieldDesign placed, String typeKey, DraftDocument draft) {
        TypeDesign type = draft.type(typeKey);
        FieldDesign field = type == null ? null : type.field(placed.getField());
        String label = !placed.getLabel().isBlank() ? placed.getLabel()
                : field != null ? field.getLabel() : placed.getField();
        String kind = draft.fieldType(typeKey, placed.getField());
        return new Placed(placed, label, kind == null ? "text" : kind, field);
    }
}
