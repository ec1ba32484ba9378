package io.plinth.studio.design;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/** The fixed choices of the app model (docs/app-model.md) that the designers offer; labels come from the bundle. */
@Named
@ApplicationScoped
public class DesignChoices {

    public static final List<String> FIELD_TYPES = List.of("text", "integer", "decimal", "boolean", "date",
            "timestamp", "enum", "reference", "user", "file", "json");
    public static final List<String> OPERATORS = List.of("eq", "ne", "lt", "le", "gt", "ge", "in", "not-in",
            "contains", "is-null", "is-not-null");

    public List<String> getFieldTypes() {
        return FIELD_TYPES;
    }

    public List<String> getCardinalities() {
        return List.of("one", "many");
    }

    public List<String> getOnDeletes() {
        return List.of("restrict", "cascade", "set-null");
    }

    public List<String> getOperators() {
        return OPERATORS;
    }

    /** Where a condition's value comes from: typed in, the current user, the current user's groups. */
    public List<String> getValueSources() {
        return List.of(ConditionDesign.VALUE, ConditionDesign.CURRENT_USER, ConditionDesign.CURRENT_GROUPS);
    }

    public List<String> getColumnCounts() {
        return List.of("1", "2", "3", "4");
    }

    public List<String> getDirections() {
        return List.of("asc", "desc");
    }

    public List<String> getFieldAccesses() {
        return List.of("hidden", "read-only");
    }
}
