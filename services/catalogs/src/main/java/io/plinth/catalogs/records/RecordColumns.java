package io.plinth.catalogs.records;

import io.plinth.catalogs.access.SystemFields;
import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns a read selects from a type table (alias {@code r}) and how each becomes JSON: the
 * system fields, the fields' own columns, a many-reference's targets from its link table as a
 * sorted array, and a field of a referenced record ({@code customer.name}) through a subquery on
 * the target's table. Link tables and referenced tables are read under the same row policies, so
 * what the caller may not see is not there. One statement reads it all: no query per record.
 */
final class RecordColumns {

    /** One selected value: its key in the answer, the field it comes from and its SQL. */
    record Column(String key, FieldModel field, String sql) {
    }

    private RecordColumns() {
    }

    /** The column of a system field or a field of the type itself. */
    static Column of(StorageNames names, TypeModel type, FieldModel field) {
        if (field.many()) {
            String link = names.linkTable(type.key(), field.key());
            return new Column(field.key(), field, "ARRAY(SELECT l.target FROM " + link
                    + " l WHERE l.source = r.id ORDER BY l.target)");
        }
        return new Column(field.key(), field, "r." + StorageNames.quote(field.key()));
    }

    /** {@code reference.field}: a field of the record a one-reference points to. */
    static Column through(StorageNames names, FieldModel reference, FieldModel target) {
        return new Column(reference.key() + "." + target.key(), target, "(SELECT x." + StorageNames.quote(target.key())
                + " FROM " + names.table(reference.reference().type()) + " x WHERE x.id = r."
                + StorageNames.quote(reference.key()) + ")");
    }

    /** Every column of a record, system fields first: what history and change detection compare. */
    static List<Column> all(StorageNames names, TypeModel type) {
        List<Column> columns = new ArrayList<>();
        SystemFields.all().forEach(f -> columns.add(of(names, type, f)));
        type.fields().forEach(f -> columns.add(of(names, type, f)));
        return columns;
    }

    static String select(List<Column> columns) {
        return columns.stream().map(Column::sql).collect(Collectors.joining(", "));
    }

    /** The row's columns, read from position {@code first} on, as one JSON object. */
    static JsonObject read(ResultSet row, List<Column> columns, int first) throws SQLException {
        JsonObjectBuilder json = Json.createObjectBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            json.add(column.key(), column.field().many() ? links(row.getArray(first + i))
                    : value(row, first + i, column.field()));
        }
        return json.build();
    }

    private static JsonValue links(Array array) throws SQLException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (array != null) {
            for (Object id : (Object[]) array.getArray()) {
                list.add(id.toString());
            }
        }
        return list.build();
    }

    static JsonValue value(ResultSet row, int index, FieldModel field) throws SQLException {
        return switch (field.type()) {
            case INTEGER -> {
                long number = row.getLong(index);
                yield row.wasNull() ? JsonValue.NULL : Json.createValue(number);
            }
            case DECIMAL -> {
                // As a string: JSON numbers lose digits in most clients, and the scale is part of the value.
                BigDecimal number = row.getBigDecimal(index);
                yield number == null ? JsonValue.NULL : Json.createValue(number.toPlainString());
            }
            case BOOLEAN -> {
                boolean flag = row.getBoolean(index);
                yield row.wasNull() ? JsonValue.NULL : flag ? JsonValue.TRUE : JsonValue.FALSE;
            }
            case DATE -> {
                LocalDate date = row.getObject(index, LocalDate.class);
                yield date == null ? JsonValue.NULL : Json.createValue(date.toString());
            }
            case TIMESTAMP -> {
                OffsetDateTime time = row.getObject(index, OffsetDateTime.class);
                yield time == null ? JsonValue.NULL : Json.createValue(time.toInstant().toString());
            }
            case JSON -> {
                String text = row.getString(index);
                if (text == null) {
                    yield JsonValue.NULL;
                }
                try (JsonReader reader = Json.createReader(new StringReader(text))) {
                    yield reader.readValue();
                }
            }
            default -> {
                String text = row.getString(index);
                yield text == null ? JsonValue.NULL : Json.createValue(text);
            }
        };
    }
}
