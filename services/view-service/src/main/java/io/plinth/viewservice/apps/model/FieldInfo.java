package io.plinth.viewservice.apps.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules of forms, lists and access need to know of a field: its kind and the limits its
 * values have. {@code type} is null when the field's own declaration is wrong (already reported).
 */
record FieldInfo(String key, FieldType type, int length, int precision, int scale, Set<String> values, boolean many,
                 boolean system) {

    static final int DEFAULT_LENGTH = 255;
    static final int DEFAULT_PRECISION = 18;
    static final int DEFAULT_SCALE = 0;

    /** The system columns conditions, lists and forms may name besides the type's own fields. */
    static final Map<String, FieldInfo> SYSTEM = Map.of(
            "id", system("id", FieldType.REFERENCE),
            "created_at", system("created_at", FieldType.TIMESTAMP),
            "created_by", system("created_by", FieldType.USER),
            "updated_at", system("updated_at", FieldType.TIMESTAMP),
            "updated_by", system("updated_by", FieldType.USER),
            "owner", system("owner", FieldType.USER));

    static final List<String> SYSTEM_ORDER = List.of("id", "created_at", "created_by", "updated_at", "updated_by",
            "owner");

    private static FieldInfo system(String key, FieldType type) {
        return new FieldInfo(key, type, DEFAULT_LENGTH, DEFAULT_PRECISION, DEFAULT_SCALE, Set.of(), false, true);
    }

    /** Values of json fields and many-references cannot be compared, sorted or indexed. */
    boolean comparable() {
        return type != FieldType.JSON && !many;
    }
}
