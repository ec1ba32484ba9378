package io.plinth.viewservice.apps.model;

import io.plinth.kernel.model.ModelKeys;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The syntax of every key in a model. Keys are stable identities; app, type and field keys become
 * SQL names in catalogs, whose rules they share ({@link ModelKeys}).
 */
public final class Keys {

    public static final Pattern APP = ModelKeys.APP;
    public static final String APP_RULE = ModelKeys.APP_RULE;

    /** Type and field keys: catalogs turns them into table and column names. */
    static final Pattern TYPE = ModelKeys.TYPE;
    static final String TYPE_RULE = ModelKeys.TYPE_RULE;

    /** Keys of forms, lists, navigation items, roles and slot entries. */
    static final Pattern ITEM = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    static final String ITEM_RULE =
            "must be 1 to 63 characters: lower-case letters, digits, underscores and dashes, starting with a letter";

    static final Pattern ENUM_VALUE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    static final String ENUM_VALUE_RULE =
            "must be 1 to 63 characters: lower-case letters, digits, underscores and dashes, starting with a letter or digit";

    /** The system columns catalogs adds to every row, and PostgreSQL's hidden ones. */
    public static final List<String> RESERVED_FIELDS = ModelKeys.RESERVED_FIELDS;

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
