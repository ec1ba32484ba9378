package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.SqlLiterals;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The values of fields: checked against the field's type, length, precision, scale and enum values
 * before the database sees them, and turned into the Java value that is bound as a parameter
 * ({@link String}, {@link Long}, {@link BigDecimal}, {@link Boolean}, {@link LocalDate},
 * {@link OffsetDateTime} in UTC, {@link UUID}, or JSON text for json fields). SQL gets values only
 * as bind parameters, or, in DDL (row policies), as typed string constants.
 */
public final class FieldValues {

    /** The longest json value a field takes, in characters of JSON text. */
    public static final int MAX_JSON = 1_000_000;

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("-?[0-9]{1,38}(\\.[0-9]{1,38})?");
    private static final int MAX_DIGITS = 38;

    private FieldValues() {
    }

    /** A value the field cannot take; the message says why, for people. */
    public static final class InvalidValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidValue(String message) {
            super(message, null, false, false);
        }
    }

    /** The Java value of a JSON value for {@code field}; null for JSON null. */
    public static Object parse(FieldModel field, JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        String text = value instanceof JsonString s ? s.getString() : null;
        if (text != null && text.indexOf('\0') >= 0) {
            throw new InvalidValue("cannot hold the NUL character");
        }
        return switch (field.type()) {
            case TEXT -> {
                if (text == null) {
                    throw new InvalidValue("must be a string");
                }
                if (text.codePointCount(0, text.length()) > field.length()) {
                    throw new InvalidValue("must be at most " + field.length() + " characters");
                }
                yield text;
            }
            case INTEGER -> integer(value, text);
            case DECIMAL -> decimal(field, value, text);
            case BOOLEAN -> {
                if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                    yield value == JsonValue.TRUE;
                }
                throw new InvalidValue("must be true or false");
            }
            case DATE -> date(text);
            case TIMESTAMP -> timestamp(text);
            case ENUM -> {
                if (text == null || !field.values().contains(text)) {
                    throw new InvalidValue("must be one of " + String.join(", ", field.values()));
                }
                yield text;
            }
            case REFERENCE, USER, FILE -> uuid(text);
            case JSON -> {
                String json = value.toString();
                if (json.length() > MAX_JSON) {
                    throw new InvalidValue("must be at most " + MAX_JSON + " characters of JSON");
                }
                if (holdsNul(value)) {
                    throw new InvalidValue("cannot hold the NUL character");
                }
                yield json;
            }
        };
    }

    /** The value of a query parameter's text for {@code field}: numbers and booleans unquoted, json as JSON text. */
    public static Object parseText(FieldModel field, String text) {
        return switch (field.type()) {
            case BOOLEAN -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new InvalidValue("must be true or false");
            };
            case JSON -> {
                try (JsonReader reader = Json.createReader(new StringReader(text))) {
                    yield parse(field, reader.readValue());
                } catch (JsonParsingException e) {
                    throw new InvalidValue("must be JSON");
                }
            }
            default -> parse(field, Json.createValue(text));
        };
    }

    /** PostgreSQL's jsonb cannot hold the NUL character, in a value or in a key. */
    private static boolean holdsNul(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().indexOf('\0') >= 0;
            case ARRAY -> value.asJsonArray().stream().anyMatch(FieldValues::holdsNul);
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .anyMatch(e -> e.getKey().indexOf('\0') >= 0 || holdsNul(e.getValue()));
            default -> false;
        };
    }

    public static UUID uuid(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw new InvalidValue("must be an id (a UUID such as 0b7e3f4c-6a52-4d1e-9f3a-2c8d5e6f7a81)");
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }

    private static Long integer(JsonValue value, String text) {
        try {
            if (value instanceof JsonNumber n) {
                // isIntegral first: bigIntegerValueExact of 1e999999999 would build a huge number.
                if (n.isIntegral()) {
                    return n.bigIntegerValueExact().longValueExact();
                }
            } else if (text != null && INTEGER_TEXT.matcher(text).matches()) {
                return Long.parseLong(text);
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidValue("must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        throw new InvalidValue("must be a whole number");
    }

    private static BigDecimal decimal(FieldModel field, JsonValue value, String text) {
        BigDecimal number = value instanceof JsonNumber n ? n.bigDecimalValue()
                : text != null && DECIMAL_TEXT.matcher(text).matches() ? new BigDecimal(text) : null;
        if (number == null) {
            throw new InvalidValue("must be a number");
        }
        // Bounds before stripping and rescaling: 1e-999999999 or 1e999999999 would take forever.
        if (number.scale() > 2 * MAX_DIGITS || number.precision() - number.scale() > MAX_DIGITS) {
            throw new InvalidValue("is out of range for " + field.describeType());
        }
        BigDecimal stripped = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        if (stripped.scale() > field.scale()) {
            throw new InvalidValue("must have at most " + field.scale() + " decimals");
        }
        BigDecimal scaled = stripped.setScale(field.scale());
        if (scaled.signum() != 0 && scaled.precision() - scaled.scale() > field.precision() - field.scale()) {
            throw new InvalidValue("must have at most " + (field.precision() - field.scale())
                    + " digits before the decimal point");
        }
        return scaled;
    }

    private static LocalDate date(String text) {
        try {
            if (text != null) {
                return supportedYear(LocalDate.parse(text));
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidValue("must be a date such as 2026-01-31");
    }

    private static OffsetDateTime timestamp(String text) {
        try {
            if (text != null) {
                OffsetDateTime time = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
                supportedYear(time.toLocalDate());
                return time;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidValue("must be a time with its offset, such as 2026-01-31T09:30:00Z");
    }

    private static LocalDate supportedYear(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new InvalidValue("must be from year 1 to 9999");
        }
        return date;
    }

    /** The SQL type a parameter or constant of the field is cast to (never with a length: a cast would cut). */
    public static String baseType(FieldModel field) {
        return switch (field.type()) {
            case TEXT, ENUM -> "text";
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamptz";
            case REFERENCE, USER, FILE -> "uuid";
            case JSON -> "jsonb";
        };
    }

    /** {@code CAST(? AS type)}: a parameter of the field's type, also when it is null. */
    public static String parameter(FieldModel field) {
        return "CAST(? AS " + baseType(field) + ")";
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof BigDecimal d) {
            statement.setBigDecimal(index, d);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else {
            statement.setObject(index, value);
        }
    }

    /** A typed SQL constant of a parsed value, for DDL, which takes no parameters. */
    public static String literal(FieldModel field, Object value) {
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return SqlLiterals.string(text) + "::" + baseType(field);
    }
}
