package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.AppSchema;
import io.plinth.catalogs.storage.MigrationRunner;
import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Applies an app's access rules to its tables (see {@link PolicyCompiler}) and keeps them in
 * {@code catalogs.app_access}, on a connection whose transaction the caller owns. Taking the same
 * advisory lock as a schema apply, it never interleaves with one.
 */
public final class AccessPolicies {

    private AccessPolicies() {
    }

    /**
     * Drops the app's policies before a migration changes its tables (PostgreSQL refuses to drop or
     * change a column a policy reads); {@link #secure} puts them back in the same transaction.
     */
    public static void release(Connection connection, String app) throws SQLException {
        lock(connection, app);
        Optional<AppSchema> applied = MigrationRunner.current(connection, app);
        if (applied.isEmpty()) {
            return;
        }
        StorageNames names = new StorageNames(app);
        try (Statement statement = connection.createStatement()) {
            for (TypeModel type : applied.get().types()) {
                for (String sql : PolicyCompiler.release(names, type)) {
                    statement.execute(sql);
                }
            }
        }
    }

    /**
     * Secures every applied type of the app with {@code access} (the model's access array), or with
     * the rules applied before when {@code access} is null; answers the rules now in force. Rules
     * that do not fit the applied types are a 400 problem and the caller's transaction rolls back.
     */
    public static AccessRules secure(Connection connection, String app, JsonValue access, String actor)
            throws SQLException {
        lock(connection, app);
        List<TypeModel> types = MigrationRunner.current(connection, app).map(AppSchema::types).orElse(List.of());
        AccessRules rules = AccessRulesParser.parse(access != null ? access : stored(connection, app), types);
        StorageNames names = new StorageNames(app);
        try (Statement statement = connection.createStatement()) {
            for (TypeModel type : types) {
                for (String sql : PolicyCompiler.secure(names, type, rules.forType(type.key()))) {
                    statement.execute(sql);
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO catalogs.app_access"
                + " (app, rules, applied_at, applied_by) VALUES (?, ?::jsonb, now(), ?) ON CONFLICT (app) DO UPDATE"
                + " SET rules = EXCLUDED.rules, applied_at = EXCLUDED.applied_at, applied_by = EXCLUDED.applied_by")) {
            statement.setString(1, app);
            statement.setString(2, rules.toJson().toString());
            statement.setString(3, actor);
            statement.executeUpdate();
        }
        return rules;
    }

    /**
     * What securing {@code types} with {@code access} (or, when null, with the rules in force) would
     * run, per type: {@code [{type, sql: [...]}]}, for the plan a dry run shows. Rules that do not
     * fit the types are a 400 problem, as when applying.
     */
    public static JsonArray preview(Connection connection, String app, List<TypeModel> types, JsonValue access)
            throws SQLException {
        AccessRules rules = AccessRulesParser.parse(access != null ? access : stored(connection, app), types);
        StorageNames names = new StorageNames(app);
        JsonArrayBuilder preview = Json.createArrayBuilder();
        for (TypeModel type : types) {
            preview.add(Json.createObjectBuilder().add("type", type.key())
                    .add("sql", Json.createArrayBuilder(PolicyCompiler.secure(names, type, rules.forType(type.key())))));
        }
        return preview.build();
    }

    /** The rules in force for the app's applied types; none when no rule was ever applied. */
    public static AccessRules load(Connection connection, String app, List<TypeModel> types) throws SQLException {
        return AccessRulesParser.parse(stored(connection, app), types);
    }

    private static JsonArray stored(Connection connection, String app) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT rules::text FROM catalogs.app_access WHERE app = ?")) {
            statement.setString(1, app);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return JsonValue.EMPTY_JSON_ARRAY;
                }
                try (JsonReader reader = Json.createReader(new StringReader(row.getString(1)))) {
                    return reader.readArray();
                }
            }
        }
    }

    /** The lock a schema apply holds for the app (see MigrationRunner); taken again by the same transaction, it stacks. */
    private static void lock(Connection connection, String app) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext('catalogs.schema'), hashtext(?))")) {
            lock.setString(1, app);
            lock.execute();
        }
    }
}
