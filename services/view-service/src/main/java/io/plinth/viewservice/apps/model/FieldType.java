package io.plinth.viewservice.apps.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of field a data type can have, under the names the model uses. */
public enum FieldType {
    TEXT("text"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    ENUM("enum"),
    REFERENCE("reference"),
    USER("user"),
    FILE("file"),
    JSON("json");

    private final String modelName;

    FieldType(String modelName) {
        this.modelName = modelName;
    }

    public String modelName() {
        return modelName;
    }

    /** The type the model calls {@code name}, or null. */
    public static FieldType of(String name) {
        for (FieldType type : values()) {
            if (type.modelName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    static String names() {
        return Arrays.stream(values()).map(FieldType::modelName).collect(Collectors.joining(", "));
    }
}
