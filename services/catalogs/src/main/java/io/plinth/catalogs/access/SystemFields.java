package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.FieldType;
import io.plinth.catalogs.storage.TypeModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system columns every record has (from {@code catalogs.record}) that rules, queries and
 * answers may name, described as read-only fields so they are validated like any other.
 * The platform sets them; no request writes them.
 */
public final class SystemFields {

    public static final String ID = "id";
    public static final String VERSION = "version";

    private static final Map<String, FieldModel> FIELDS = new LinkedHashMap<>();

    static {
        add(ID, FieldType.USER, 0);
        add(VERSION, FieldType.INTEGER, 0);
        add("created_at", FieldType.TIMESTAMP, 0);
        add("created_by", FieldType.TEXT, 64);
        add("updated_at", FieldType.TIMESTAMP, 0);
        add("updated_by", FieldType.TEXT, 64);
        add("owner", FieldType.USER, 0);
    }

    private SystemFields() {
    }

    private static void add(String key, FieldType type, int length) {
        FIELDS.put(key, new FieldModel(key, null, null, type, false, false, false, true, length, 0, 0, List.of(),
                null, null));
    }

    public static List<FieldModel> all() {
        return List.copyOf(FIELDS.values());
    }

    public static boolean is(String key) {
        return FIELDS.containsKey(key);
    }

    /** A field of the type or a system field. */
    public static Optional<FieldModel> find(TypeModel type, String key) {
        FieldModel system = FIELDS.get(key);
        return system != null ? Optional.of(system) : type.field(key);
    }
}
