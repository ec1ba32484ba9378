package io.plinth.kernel.problem;

/** One invalid input value: the JSON path of the field (e.g. {@code fields[2].key}) and what is wrong with it. */
public record FieldError(String field, String message) {
}
