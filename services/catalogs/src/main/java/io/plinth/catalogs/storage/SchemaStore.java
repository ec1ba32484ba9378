package io.plinth.catalogs.storage;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes what is applied: {@code catalogs.app_schema} (the current types of each app,
 * from which the next plan starts) and {@code catalogs.schema_migration} (every applied plan).
 */
final class SchemaStore {

    private SchemaStore() {
    }

    static Optional<AppSchema> load(Connection connection, String app) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT version, types::text, applied_at,"
                + " applied_by FROM catalogs.app_schema WHERE app = ?")) {
            statement.setString(1, app);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                JsonArray types;
                try (JsonReader reader = Json.createReader(new StringReader(row.getString(2)))) {
                    types = reader.readArray();
                }
                return Optional.of(new AppSchema(app, row.getLong(1), TypeModelParser.parseTypes(types),
                        row.getObject(3, OffsetDateTime.class), row.getString(4)));
            }
        }
    }

    static void save(Connection connection, String app, long version, List<TypeModel> types, String actor)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO catalogs.app_schema"
                + " (app, version, types, applied_at, applied_by) VALUES (?, ?, ?::jsonb, now(), ?)"
                + " ON CONFLICT (app) DO UPDATE SET version = EXCLUDED.version, types = EXCLUDED.types,"
                + " applied_at = EXCLUDED.applied_at, applied_by = EXCLUDED.applied_by")) {
            statement.setString(1, app);
            statement.setLong(2, version);
            statement.setString(3, TypeModel.toJson(types).toString());
            statement.setString(4, actor);
            statement.executeUpdate();
        }
    }

    /**
     * Forgets the app: its applied types, its access rules and the history of its records (whose
     * tables are gone). The record of applied plans stays, as the audit of what was done.
     */
    static void delete(Connection connection, String app) throws SQLException {
        for (String table : List.of("app_schema", "app_access", "record_history")) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM catalogs." + table + " WHERE app = ?")) {
                statement.setString(1, app);
                statement.executeUpdate();
            }
        }
    }

    /** Records an applied plan; a plan without {@code toVersion} removed the app's storage. */
    static void record(Connection connection, MigrationPlan plan, boolean dataLossConfirmed, String actor)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO catalogs.schema_migration"
                + " (app, version, from_version, plan, data_loss_confirmed, applied_at, applied_by)"
                + " VALUES (?, ?, ?, ?::jsonb, ?, now(), ?)")) {
            statement.setString(1, plan.app());
            statement.setObject(2, plan.toVersion(), Types.BIGINT);
            statement.setObject(3, plan.fromVersion(), Types.BIGINT);
            statement.setString(4, plan.toJson().toString());
            statement.setBoolean(5, dataLossConfirmed);
            statement.setString(6, actor);
            statement.executeUpdate();
        }
    }
}
