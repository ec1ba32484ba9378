package io.plinth.catalogs.storage;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.stream.Collectors;

/**
 * SQL literals for DDL (defaults, CHECK lists), which PostgreSQL cannot take as bind parameters.
 * Values arrive validated and normalised ({@link TypeModelParser}); here they are quoted as string
 * constants and cast to the column type, so no value can ever end the literal.
 */
public final class SqlLiterals {

    private SqlLiterals() {
    }

    /**
     * A string constant: quotes doubled, and, when the text holds a backslash, an escape string
     * ({@code E'...'}) with doubled backslashes, so the meaning does not depend on
     * {@code standard_conforming_strings}.
     */
    public static String string(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL text cannot hold the NUL character");
        }
        String quoted = text.replace("'", "''");
        return text.indexOf('\\') >= 0 ? "E'" + quoted.replace("\\", "\\\\") + "'" : "'" + quoted + "'";
    }

    /** The DEFAULT expression of a field with a default: a typed constant. */
    public static String defaultOf(FieldModel field) {
        JsonValue value = field.defaultValue();
        return switch (field.type()) {
            case BOOLEAN -> value == JsonValue.TRUE ? "true" : "false";
            case INTEGER -> string(Long.toString(((JsonNumber) value).longValueExact())) + "::bigint";
            case JSON -> string(value.toString()) + "::jsonb";
            default -> string(((JsonString) value).getString()) + "::" + field.sqlType();
        };
    }

    /** {@code "column" IN ('a', 'b')}: the CHECK of an enum field. */
    public static String enumCheck(String column, FieldModel field) {
        return column + " IN (" + field.values().stream().map(SqlLiterals::string).collect(Collectors.joining(", "))
                + ")";
    }
}
