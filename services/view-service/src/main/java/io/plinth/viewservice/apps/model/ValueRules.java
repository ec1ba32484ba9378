package io.plinth.viewservice.apps.model;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Whether a JSON value is a valid value of a field: for defaults and for the literals of conditions. */
final class ValueRules {

    static final int MAX_USER_ID = 200;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ValueRules() {
    }

    /** What is wrong with {@code value} as a value of {@code field}, or null when it is valid. */
    static String problem(FieldInfo field, JsonValue value) {
        if (field.type() == null) {
            return null;
        }
        return switch (field.type()) {
            case TEXT -> value instanceof JsonString s
                    ? s.getString().length() <= field.length() ? null
                    : "must be at most " + field.length() + " characters (the field's length)"
                    : "must be a string";
            case INTEGER -> integer(value);
            case DECIMAL -> decimal(field, value);
            case BOOLEAN -> value == JsonValue.TRUE || value == JsonValue.FALSE ? null : "must be true or false";
            case DATE -> parses(value, text -> LocalDate.parse(text)) ? null : "must be a date such as 2026-01-31";
            case TIMESTAMP -> parses(value, text -> OffsetDateTime.parse(text)) ? null
                    : "must be a timestamp with a zone such as 2026-01-31T09:30:00Z";
            case ENUM -> value instanceof JsonString s && field.values().contains(s.getString()) ? null
                    : "must be one of the field's values: " + field.values().stream().sorted().limit(20)
                    .collect(Collectors.joining(", "));
            case REFERENCE -> uuid(value) ? null : "must be a row id (a UUID)";
            case FILE -> uuid(value) ? null : "must be a file id (a UUID)";
            case USER -> value instanceof JsonString s && !s.getString().isBlank()
                    && s.getString().length() <= MAX_USER_ID ? null : "must be a user id";
            case JSON -> null;
        };
    }

    private static String integer(JsonValue value) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            return "must be a whole number";
        }
        try {
            number.longValueExact();
            return null;
        } catch (ArithmeticException e) {
            return "must fit in 64 bits";
        }
    }

    /** A JSON number or a numeric string ({@code "12.50"}), within the field's precision and scale. */
    private static String decimal(FieldInfo field, JsonValue value) {
        BigDecimal number;
        if (value instanceof JsonNumber n) {
            number = n.bigDecimalValue();
        } else if (value instanceof JsonString s) {
            try {
                number = new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                return "must be a number";
            }
        } else {
            return "must be a number";
        }
        BigDecimal plain = number.stripTrailingZeros();
        int scale = Math.max(0, plain.scale());
        int integerDigits = Math.max(0, plain.precision() - plain.scale());
        if (scale > field.scale()) {
            return "has more than " + field.scale() + " decimal places (the field's scale)";
        }
        if (integerDigits > field.precision() - field.scale()) {
            return "needs more than " + (field.precision() - field.scale())
                    + " digits before the decimal point (precision " + field.precision() + ", scale " + field.scale() + ")";
        }
        return null;
    }

    private static boolean uuid(JsonValue value) {
        return value instanceof JsonString s && UUID.matcher(s.getString()).matches();
    }

    private interface Parser {
        Object parse(String text);
    }

    private static boolean parses(JsonValue value, Parser parser) {
        if (!(value instanceof JsonString s)) {
            return false;
        }
        try {
            parser.parse(s.getString());
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }
}
