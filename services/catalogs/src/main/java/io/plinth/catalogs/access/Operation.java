package io.plinth.catalogs.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an access rule lets a role do with the records of a type. */
public enum Operation {
    CREATE, READ, UPDATE, DELETE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Operation> of(String key) {
        return Arrays.stream(values()).filter(o -> o.key().equals(key)).findFirst();
    }
}
