package io.plinth.workplace.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a form's conditions on the values the form holds right now (the inputs, not the
 * stored record), the way catalogs compares values: numbers as numbers, dates and timestamps as
 * points in time, {@code ne} and {@code not-in} true for an empty value, every other comparison
 * false for it. A value that does not read as its field's type counts as empty.
 */
public final class FormConditions {

    private FormConditions() {
    }

    /** All of {@code conditions} hold (none holds trivially). */
    public static boolean all(List<Condition> conditions, ModelType type, Map<String, Object> inputs) {
        return conditions.stream().allMatch(c -> holds(c, type, inputs));
    }

    static boolean holds(Condition condition, ModelType type, Map<String, Object> inputs) {
        FieldKind kind = type.field(condition.field()).map(ModelField::kind).orElse(FieldKind.TEXT);
        Optional<Comparable<Object>> value = value(kind, inputs.get(condition.field()));
        return switch (condition.op()) {
            case "is-null" -> value.isEmpty();
            case "is-not-null" -> value.isPresent();
            case "ne" -> value.isEmpty() || !anyEqual(kind, value.get(), condition.values());
            case "not-in" -> value.isEmpty() || !anyEqual(kind, value.get(), condition.values());
            case "eq", "in" -> value.isPresent() && anyEqual(kind, value.get(), condition.values());
            case "contains" -> value.isPresent() && !condition.values().isEmpty()
                    && value.get().toString().contains(condition.values().get(0));
            case "lt", "le", "gt", "ge" -> value.isPresent() && compare(kind, value.get(), condition);
            default -> false;
        };
    }

    private static boolean anyEqual(FieldKind kind, Comparable<Object> value, List<String> expected) {
        return expected.stream().map(e -> value(kind, e)).anyMatch(e -> e.isPresent() && value.compareTo(e.get()) == 0);
    }

    private static boolean compare(FieldKind kind, Comparable<Object> value, Condition condition) {
        Optional<Comparable<Object>> other = condition.values().isEmpty() ? Optional.empty()
                : value(kind, condition.values().get(0));
        if (other.isEmpty()) {
            return false;
        }
        int order = value.compareTo(other.get());
        return switch (condition.op()) {
            case "lt" -> order < 0;
            case "le" -> order <= 0;
            case "gt" -> order > 0;
            default -> order >= 0;
        };
    }

    /** An input (String, Boolean, LocalDate, LocalDateTime in UTC) or a condition's text as a comparable value. */
    @SuppressWarnings("unchecked")
    static Optional<Comparable<Object>> value(FieldKind kind, Object input) {
        if (input == null || input instanceof String text && text.isBlank()) {
            return Optional.empty();
        }
        String text = input.toString().strip();
        try {
            Comparable<?> value = switch (kind) {
                case INTEGER, DECIMAL -> new BigDecimal(text);
                case BOOLEAN -> Boolean.valueOf(text);
                case DATE -> input instanceof LocalDate date ? date : LocalDate.parse(text);
                case TIMESTAMP -> input instanceof LocalDateTime time ? time.toInstant(ZoneOffset.UTC)
                        : Instant.parse(text);
                default -> text;
            };
            return Optional.of((Comparable<Object>) value);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
