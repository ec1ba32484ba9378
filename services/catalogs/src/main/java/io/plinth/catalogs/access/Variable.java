package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.FieldType;

/**
 * The values a condition may take from the caller instead of a literal: {@code $user.id} (with
 * eq and ne on a user or text field) and {@code $user.groups} (with in and not-in on a text or enum
 * field). Their SQL reads the transaction's settings ({@link CallerScope}) once per statement.
 */
public enum Variable {
    USER_ID("$user.id"), USER_GROUPS("$user.groups");

    private final String text;

    Variable(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Variable of(String text) {
        for (Variable v : values()) {
            if (v.text.equals(text)) {
                return v;
            }
        }
        return null;
    }

    /** Whether the variable may stand for the value of {@code field} under {@code op}; null when it may, else why not. */
    public String misuse(Operator op, FieldType type) {
        if (this == USER_ID) {
            return (op == Operator.EQ || op == Operator.NE) && (type == FieldType.USER || type == FieldType.TEXT) ? null
                    : "$user.id only compares (eq, ne) with a user or text field";
        }
        return (op == Operator.IN || op == Operator.NOT_IN) && (type == FieldType.TEXT || type == FieldType.ENUM) ? null
                : "$user.groups only takes in or not-in with a text or enum field";
    }
}
