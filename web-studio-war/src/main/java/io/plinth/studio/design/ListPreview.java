package io.plinth.studio.design;

import java.util.ArrayList;
import java.util.List;

/** A list as the workplace shows it: a heading per column and a few rows of sample values. */
public final class ListPreview {

    static final int SAMPLE_ROWS = 3;

    /** A column: its heading, width (null: automatic) and sample values, one per row. */
    public record Column(String heading, Integer width, List<String> samples) {
    }

    private ListPreview() {
    }

    public static List<Column> of(ListDesign list, DraftDocument draft) {
        TypeDesign type = draft.type(list.getType());
        List<Column> columns = new ArrayList<>();
        for (ColumnDesign column : list.getColumns()) {
            FieldDesign field = type == null ? null : type.field(column.getField());
            String heading = !column.getLabel().isBlank() ? column.getLabel()
                    : field != null ? field.getLabel() : column.getField();
            String kind = draft.fieldType(list.getType(), column.getField());
            List<String> samples = new ArrayList<>();
            for (int row = 1; row <= SAMPLE_ROWS; row++) {
                samples.add(sample(kind, field, row));
            }
            columns.add(new Column(heading, width(column.getWidth()), samples));
        }
        return columns;
    }

    /** A made-up value of the field's type, so the preview reads like a list with data. */
    static String sample(String kind, FieldDesign field, int row) {
        String label = field != null ? field.getLabel() : "";
        return switch (kind == null ? "" : kind) {
            case "integer" -> Integer.toString(row * 7);
            case "decimal" -> row * 12 + ".50";
            case "boolean" -> row % 2 == 1 ? "\u2713" : "";
            case "date" -> "2026-0" + row + "-1" + row;
            case "timestamp" -> "2026-0" + row + "-1" + row + " 09:3" + row;
            case "enum" -> {
                List<String> values = field == null ? List.of() : field.getValueList();
                yield values.isEmpty() ? "" : values.get((row - 1) % values.size());
            }
            case "reference" -> (field == null ? "" : field.getReferenceType()) + " " + row;
            case "user" -> "user" + row;
            case "json" -> "{\u2026}";
            case "file" -> "file-" + row + ".pdf";
            default -> (label.isBlank() ? "Text" : label) + " " + row;
        };
    }

    private static Integer width(String text) {
        try {
            int width = Integer.parseInt(text.strip());
            return width >= 20 && width <= 2000 ? width : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
