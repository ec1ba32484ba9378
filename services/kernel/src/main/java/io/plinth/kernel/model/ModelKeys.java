package io.plinth.kernel.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The keys of an app model that more than one service reads: view-service validates the model
 * with these rules and catalogs turns app, type and field keys into SQL names with them, so a
 * model view-service accepts is never refused by catalogs for its keys.
 */
public final class ModelKeys {

    public static final Pattern APP = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    public static final String APP_RULE =
            "must be 2 to 63 characters: lower-case letters, digits and dashes, starting with a letter";

    /**
     * Type and field keys. catalogs names tables {@code <app>__<type>} and link tables
     * {@code <app>__<type>__<field>}, so a key never holds a double underscore.
     */
    public static final Pattern TYPE = Pattern.compile("[a-z](?:[a-z0-9]|_(?!_)){0,29}");
    public static final String TYPE_RULE = "must be 1 to 30 characters: lower-case letters, digits and single"
            + " underscores, starting with a letter";

    /** The system columns catalogs adds to every row, and PostgreSQL's own hidden columns. */
    public static final List<String> RESERVED_FIELDS = List.of("id", "type", "app", "version", "created_at",
            "created_by", "updated_at", "updated_by", "owner", "tenant", "partition",
            "tableoid", "xmin", "xmax", "cmin", "cmax", "ctid", "oid");

    private ModelKeys() {
    }

    public static boolean isAppKey(String key) {
        return key != null && APP.matcher(key).matches();
    }

    public static boolean isTypeKey(String key) {
        return key != null && TYPE.matcher(key).matches();
    }
}
