package io.plinth.catalogs.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of field an app model's data type may have, as the model spells them. */
public enum FieldType {
    TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP, ENUM, REFERENCE, USER, FILE, JSON;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
