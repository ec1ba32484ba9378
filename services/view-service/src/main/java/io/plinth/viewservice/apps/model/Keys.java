package io.plinth.viewservice.apps.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The syntax of every key in a model. Keys are stable identities, and type and field keys become SQL names. */
public final class Keys {

    public static final Pattern APP = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    public static final String APP_RULE =
            "must be 2 to 63 characters: lower-case letters, digits and dashes, starting with a letter";

    /** Type and field keys: catalogs turns them into table and column names. */
    static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,29}");
    static final String TYPE_RULE =
            "must be 1 to 30 characters: lower-case letters, digits and underscores, starting with a letter";

    /** Keys of forms, lists, navigation items, roles and slot entries. */
    static final Pattern ITEM = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    static final String ITEM_RULE =
            "must be 1 to 63 characters: lower-case letters, digits, underscores and dashes, starting with a letter";

    static final Pattern ENUM_VALUE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    static final String ENUM_VALUE_RULE =
            "must be 1 to 63 characters: lower-case letters, digits, underscores and dashes, starting with a letter or digit";

    /** The system columns catalogs adds to every row. */
    public static final List<String> RESERVED_FIELDS = List.of("id", "type", "app", "version", "created_at",
            "created_by", "updated_at", "updated_by", "owner", "partition");

    /** {@code /api/apps/import} is an endpoint, so no app may be called that. */
    public static final Set<String> RESERVED_APPS = Set.of("import");

    private Keys() {
    }

    /** Why {@code key} cannot be an app key, or null when it can. */
    public static String appKeyProblem(String key) {
        if (key == null || !APP.matcher(key).matches()) {
            return APP_RULE;
        }
        return RESERVED_APPS.contains(key) ? "'" + key + "' is reserved" : null;
    }
}
