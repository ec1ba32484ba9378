package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.FieldType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL of one comparison of a column, shared by row policies (values as typed constants) and
 * record queries (values as bind parameters): the {@link Values} given decides which.
 */
public final class Predicates {

    private static final Set<FieldType> ORDERED = Set.of(FieldType.TEXT, FieldType.INTEGER, FieldType.DECIMAL,
            FieldType.DATE, FieldType.TIMESTAMP);

    /** Writes one value of a field into the SQL: a parameter or a constant. */
    @FunctionalInterface
    public interface Values {
        String sql(FieldModel field, Object value);
    }

    private Predicates() {
    }

    /** Why {@code op} does not apply to {@code field}, or null when it does. */
    public static String misuse(FieldModel field, Operator op) {
        if (op == Operator.IS_NULL || op == Operator.IS_NOT_NULL) {
            return null;
        }
        if (field.many()) {
            return "a reference to many records only takes is-null and is-not-null";
        }
        if (field.type() == FieldType.JSON) {
            return "a json field only takes is-null and is-not-null";
        }
        if (op.ordering() && !ORDERED.contains(field.type())) {
            return op.key() + " needs a text, number, date or timestamp field";
        }
        if (op.textual() && field.type() != FieldType.TEXT) {
            return op.key() + " needs a text field";
        }
        return null;
    }

    /** {@code values} holds parsed values (see {@link FieldValues}) or one {@link Variable}. */
    public static String sql(String column, FieldModel field, Operator op, List<?> values, Values sink) {
        return switch (op) {
            case IS_NULL -> column + " IS NULL";
            case IS_NOT_NULL -> column + " IS NOT NULL";
            case EQ -> column + " = " + one(field, values, sink);
            case NE -> column + " IS DISTINCT FROM " + one(field, values, sink);
            case LT -> column + " < " + one(field, values, sink);
            case LE -> column + " <= " + one(field, values, sink);
            case GT -> column + " > " + one(field, values, sink);
            case GE -> column + " >= " + one(field, values, sink);
            case BETWEEN -> column + " BETWEEN " + sink.sql(field, values.get(0)) + " AND "
                    + sink.sql(field, values.get(1));
            case IN -> in(column, field, values, sink);
            case NOT_IN -> "(" + column + " IS NULL OR NOT " + in(column, field, values, sink) + ")";
            case LIKE -> column + " LIKE " + one(field, values, sink);
            case ILIKE -> column + " ILIKE " + one(field, values, sink);
            case CONTAINS -> "strpos(" + column + ", " + one(field, values, sink) + ") > 0";
            case SEARCH -> "to_tsvector('simple', " + column + ") @@ websearch_to_tsquery('simple', "
                    + one(field, values, sink) + ")";
        };
    }

    private static String one(FieldModel field, List<?> values, Values sink) {
        Object value = values.get(0);
        if (value == Variable.USER_ID) {
            return field.type() == FieldType.TEXT ? CallerScope.USER_ID_TEXT : CallerScope.USER_ID_UUID;
        }
        return sink.sql(field, value);
    }

    private static String in(String column, FieldModel field, List<?> values, Values sink) {
        if (values.size() == 1 && values.get(0) == Variable.USER_GROUPS) {
            return "(" + column + " = ANY (" + CallerScope.USER_GROUPS + "))";
        }
        return "(" + column + " IN (" + values.stream().map(v -> sink.sql(field, v)).collect(Collectors.joining(", "))
                + "))";
    }
}
