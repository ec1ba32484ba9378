package io.plinth.catalogs.storage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A throw-away PostgreSQL database (127.0.0.1:5432, user postgres) migrated with catalogs' real
 * changelog, for one test class; {@link #close()} drops it.
 */
final class TestDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name = "catalogs_storage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    TestDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try (Connection connection = connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA catalogs");
            }
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName("catalogs");
            database.setLiquibaseSchemaName("catalogs");
            Scope.child(Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                    "liquibase.analytics.enabled", false,
                    "liquibase.showBanner", false), () -> new CommandScope("update")
                    .addArgumentValue("database", database)
                    .addArgumentValue("changelogFile", "db/changelog.xml")
                    .execute());
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name, "postgres", "");
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

    void execute(String... sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /** Every row of a query, each column as text. */
    List<List<String>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    String single(String sql, Object... parameters) throws SQLException {
        List<List<String>> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).get(0);
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

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonObject resource(String path) throws Exception {
        try (InputStream in = TestDatabase.class.getResourceAsStream(path);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    /** The types of a JSON text such as {@code {"types": [...]}}, with single quotes for double ones. */
    static List<TypeModel> types(String json) {
        return TypeModelParser.parse(json(json.replace('\'', '"')));
    }
}
