package io.plinth.workplace.records;

/** The field types of the app model (docs/app-model.md, "Types and fields"). */
public enum FieldKind {
    TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP, ENUM, REFERENCE, USER, FILE, JSON;

    static FieldKind of(String type) {
        return valueOf(type.toUpperCase(java.util.Locale.ROOT));
    }

    /** The filter operator a list column uses: a part of the text for text, the value itself for the rest. */
    public String filterOperator() {
        return this == TEXT ? "ilike" : "eq";
    }
}
