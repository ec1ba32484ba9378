package io.plinth.catalogs.storage;

import io.plinth.catalogs.CatalogsDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A catalogs database for the storage tests, which apply and remove types as the schema endpoint does. */
final class TestDatabase extends CatalogsDatabase {

    TestDatabase() throws Exception {
        super("catalogs_storage_", "");
    }

    /** Applies in one transaction the way the service does: commit on success, roll back on any failure. */
    MigrationPlan apply(String app, List<TypeModel> types, long version, boolean confirmDataLoss) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                MigrationPlan plan = MigrationRunner.apply(connection, app, types, version, null, confirmDataLoss,
                        "tester");
                connection.commit();
                return plan;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Removes the app's storage in one transaction, as the service does. */
    MigrationPlan remove(String app, Long expectedVersion, boolean confirmDataLoss) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                MigrationPlan plan = MigrationRunner.remove(connection, app, expectedVersion, confirmDataLoss, "tester");
                connection.commit();
                return plan;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Each column as {@code name type [NOT NULL] [default]}, in table order. */
    List<String> columns(String table) throws SQLException {
        return rows("SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                + " || coalesce(' ' || pg_get_expr(d.adbin, d.adrelid), '')"
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = ('catalogs.' || quote_ident(?))::regclass AND a.attnum > 0"
                + " AND NOT a.attisdropped ORDER BY a.attnum", table).stream().map(r -> r.get(0)).toList();
    }

    /** Each constraint as {@code name kind definition}, by name; not the copies PostgreSQL keeps per partition. */
    List<String> constraints(String table) throws SQLException {
        return rows("SELECT conname || ' ' || contype::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = ('catalogs.' || quote_ident(?))::regclass AND conparentid = 0 ORDER BY conname", table)
                .stream().map(r -> r.get(0)).toList();
    }

    List<String> indexes(String table) throws SQLException {
        return rows("SELECT indexname FROM pg_indexes WHERE schemaname = 'catalogs' AND tablename = ?"
                + " ORDER BY indexname", table).stream().map(r -> r.get(0)).toList();
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The types of a JSON text such as {@code {"types": [...]}}, with single quotes for double ones. */
    static List<TypeModel> types(String json) {
        return TypeModelParser.parse(json(json.replace('\'', '"')));
    }
}
