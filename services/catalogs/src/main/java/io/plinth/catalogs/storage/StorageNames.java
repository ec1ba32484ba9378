package io.plinth.catalogs.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of an app's tables, constraints and indexes in schema {@code catalogs}, derived only
 * from validated keys so the same model always gives the same names:
 * <ul>
 * <li>type table {@code <app>__<type>}, link table of a many-reference {@code <app>__<type>__<field>};</li>
 * <li>their constraints and indexes {@code <table>$<suffix>} and {@code <app>__<type>__<field>$<suffix>}.</li>
 * </ul>
 * App keys hold no underscore and type and field keys no double underscore, and no key holds
 * {@code $} or {@code #}, so two different objects never get the same name. A name longer than
 * PostgreSQL's 63-byte limit (which PostgreSQL would cut silently) keeps its first 50 characters
 * followed by {@code #} and 12 hex digits of its SHA-256: still deterministic, and apart from
 * a 48-bit hash collision (which fails the migration, never mixes data) still unique.
 */
public final class StorageNames {

    public static final String SCHEMA = "catalogs";
    /** Creates the missing partitions of a partitioned type table (Liquibase {@code 006-partitions.xml}). */
    public static final String ENSURE_PARTITIONS = qualified("ensure_partitions");
    static final int MAX_IDENTIFIER = 63;
    private static final int KEPT = 50;

    private final String app;

    public StorageNames(String app) {
        this.app = app;
    }

    public String app() {
        return app;
    }

    /** {@code catalogs."<app>__<type>"}. */
    public String table(String type) {
        return qualified(fit(base(type)));
    }

    /** The unquoted name of a type's table. */
    public String tableName(String type) {
        return fit(base(type));
    }

    /** {@code catalogs."<app>__<type>__<field>"}: the link table of a many-reference. */
    public String linkTable(String type, String field) {
        return qualified(fit(base(type) + "__" + field));
    }

    public String linkTableName(String type, String field) {
        return fit(base(type) + "__" + field);
    }

    /** A constraint or index of a type's table, e.g. {@code pkey}. Quoted, not qualified. */
    public String tableObject(String type, String suffix) {
        return quote(fit(base(type) + "$" + suffix));
    }

    /** A constraint or index of one field (its column or its link table), e.g. {@code idx}. Quoted, not qualified. */
    public String fieldObject(String type, String field, String suffix) {
        return quote(fit(base(type) + "__" + field + "$" + suffix));
    }

    private String base(String type) {
        return app + "__" + type;
    }

    /** The hidden column beside a reference to a partitioned type that holds the target's partition. Quoted. */
    public static String referencePartition(String field) {
        return quote(field + "$partition");
    }

    public static String qualified(String name) {
        return quote(SCHEMA) + "." + quote(name);
    }

    /** A quoted identifier. Names here come from validated keys; the escaping is a second line of defence. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String fit(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, KEPT) + "#" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
