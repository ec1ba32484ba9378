package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;

/**
 * One {@code {field, op, value}} of a form's {@code visibleWhen} or {@code readOnlyWhen}
 * (docs/app-model.md, "Conditions"): {@code values} holds the value as text, one entry per
 * element for {@code in} and {@code not-in}, none for the null tests.
 */
public record Condition(String field, String op, List<String> values) implements Serializable {

    public Condition {
        values = List.copyOf(values);
    }
}
