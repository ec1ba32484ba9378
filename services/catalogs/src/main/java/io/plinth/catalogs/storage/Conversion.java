package io.plinth.catalogs.storage;

import java.util.function.UnaryOperator;

/**
 * How a field's column changes type: the {@code USING} expression, the condition under which a
 * row would lose information (a silent rounding or truncation, checked before the plan runs), and
 * the risk of a loud failure (a value that does not fit stops the migration and nothing changes).
 * A change catalogs cannot do safely has a {@code refusal} instead.
 *
 * @param using    the new value from the quoted column name
 * @param lossWhere a condition on the quoted column name that is true for a row that would lose information, or null
 * @param risk     what would make the step fail, for people, or null
 * @param refusal  why the change is refused, or null
 */
public record Conversion(UnaryOperator<String> using, UnaryOperator<String> lossWhere, String risk, String refusal) {

    public boolean refused() {
        return refusal != null;
    }

    public boolean lossy() {
        return lossWhere != null;
    }

    static Conversion refuse(String reason) {
        return new Conversion(null, null, null, reason);
    }

    private static Conversion of(UnaryOperator<String> using, String risk) {
        return new Conversion(using, null, risk, null);
    }

    private static Conversion lossy(UnaryOperator<String> using, UnaryOperator<String> lossWhere, String risk) {
        return new Conversion(using, lossWhere, risk, null);
    }

    /** The conversion of a column from {@code from} to {@code to}; they differ in type, length, precision or scale. */
    static Conversion between(FieldModel from, FieldModel to) {
        FieldType a = from.type();
        FieldType b = to.type();
        if (a == FieldType.REFERENCE || b == FieldType.REFERENCE) {
            return refuse("a reference cannot become another type, nor another type a reference: add a new field"
                    + " instead");
        }
        String cannot = "cannot change from " + from.describeType() + " to " + to.describeType();
        return switch (b) {
            case TEXT -> toText(from, to);
            case INTEGER -> switch (a) {
                case DECIMAL -> lossy(c -> c + "::bigint", c -> c + " <> trunc(" + c + ")",
                        from.precision() - from.scale() > 18 ? "fails if a value is beyond the 64-bit integer range"
                                : null);
                case TEXT, ENUM -> of(c -> "NULLIF(btrim(" + c + "), '')::bigint", "fails if a value is not a whole number");
                default -> refuse(cannot);
            };
            case DECIMAL -> switch (a) {
                case INTEGER -> of(c -> c + "::" + to.sqlType(), to.precision() - to.scale() >= 19 ? null
                        : "fails if a value has more than " + (to.precision() - to.scale()) + " digits");
                case DECIMAL -> narrowedDecimal(from, to);
                case TEXT, ENUM -> lossy(c -> "NULLIF(btrim(" + c + "), '')::" + to.sqlType(),
                        c -> "NULLIF(btrim(" + c + "), '')::numeric <> round(NULLIF(btrim(" + c + "), '')::numeric, "
                                + to.scale() + ")",
                        "fails if a value is not a number or has more than " + (to.precision() - to.scale())
                                + " digits before the decimal point");
                default -> refuse(cannot);
            };
            case BOOLEAN -> a == FieldType.TEXT || a == FieldType.ENUM
                    ? of(c -> "NULLIF(btrim(" + c + "), '')::boolean", "fails if a value is not true or false")
                    : refuse(cannot);
            case DATE -> switch (a) {
                case TIMESTAMP -> lossy(c -> "(" + c + " AT TIME ZONE 'UTC')::date",
                        c -> "(" + c + " AT TIME ZONE 'UTC')::time <> '00:00'", null);
                case TEXT -> of(c -> "NULLIF(btrim(" + c + "), '')::date", "fails if a value is not a date");
                default -> refuse(cannot);
            };
            case TIMESTAMP -> switch (a) {
                case DATE -> of(c -> "(" + c + "::timestamp AT TIME ZONE 'UTC')", null);
                case TEXT -> of(c -> "NULLIF(btrim(" + c + "), '')::timestamptz", "fails if a value is not a timestamp");
                default -> refuse(cannot);
            };
            case ENUM -> a == FieldType.TEXT || a == FieldType.ENUM
                    ? of(c -> c + "::text", "fails if a value is not one of " + to.values())
                    : refuse(cannot);
            case USER, FILE -> a == FieldType.TEXT
                    ? of(c -> "NULLIF(btrim(" + c + "), '')::uuid", "fails if a value is not an id")
                    : refuse(cannot);
            case JSON -> of(c -> "to_jsonb(" + c + ")", null);
            default -> refuse(cannot);
        };
    }

    private static Conversion toText(FieldModel from, FieldModel to) {
        int longest = switch (from.type()) {
            case TEXT -> from.length();
            case INTEGER -> 20;
            case DECIMAL -> from.precision() + 2;
            case BOOLEAN -> 5;
            case DATE -> 10;
            case TIMESTAMP -> 27;
            case ENUM -> from.values().stream().mapToInt(String::length).max().orElse(0);
            case USER, FILE -> 36;
            default -> Integer.MAX_VALUE;
        };
        String risk = longest > to.length() ? "fails if a value is longer than " + to.length() + " characters" : null;
        return switch (from.type()) {
            case TEXT -> of(c -> c, risk);
            case TIMESTAMP -> of(c -> "to_char(" + c + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')", risk);
            default -> of(c -> c + "::text", risk);
        };
    }

    private static Conversion narrowedDecimal(FieldModel from, FieldModel to) {
        String risk = to.precision() - to.scale() < from.precision() - from.scale()
                ? "fails if a value has more than " + (to.precision() - to.scale()) + " digits before the decimal point"
                : null;
        if (to.scale() < from.scale()) {
            return lossy(c -> c + "::" + to.sqlType(), c -> c + " <> round(" + c + ", " + to.scale() + ")", risk);
        }
        return of(c -> c + "::" + to.sqlType(), risk);
    }
}
