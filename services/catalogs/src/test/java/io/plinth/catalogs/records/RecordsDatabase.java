package io.plinth.catalogs.records;

import io.plinth.catalogs.access.AccessPolicies;
import io.plinth.catalogs.storage.MigrationRunner;
import io.plinth.catalogs.storage.TypeModelParser;
import io.plinth.kernel.security.Caller;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A throw-away PostgreSQL database (127.0.0.1:5432, user postgres: a superuser, as on a developer
 * machine) migrated with catalogs' real changelog. Work runs the way the service runs it: one
 * transaction per request, {@link RecordSession#open} (the same SET LOCAL ROLE and settings), then
 * commit, or roll back on any failure.
 */
final class RecordsDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    /** The events published by committed work, in order. */
    final List<Event> events = new CopyOnWriteArrayList<>();

    record Event(String routingKey, JsonObject data) {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(RecordSession session) throws Exception;
    }

    /** Where sessions keep app model documents; by default nowhere (every request reads the database). */
    ModelDocuments documents = new ModelDocuments() {
        @Override
        public Optional<String> get(String app, String stamp) {
            return Optional.empty();
        }

        @Override
        public void put(String app, String stamp, String documents) {
        }
    };

    private final String name = "catalogs_records_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    RecordsDatabase() throws Exception {
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

    /** As the service's data source connects: the superuser, strings sent untyped. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name + "?stringtype=unspecified", "postgres", "");
    }

    /** Applies a model the way the schema endpoint does: release policies, migrate, secure, one transaction. */
    void apply(String app, JsonObject model, long version) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                AccessPolicies.release(connection, app);
                MigrationRunner.apply(connection, app, TypeModelParser.parse(model), version, null, true, "tester");
                AccessPolicies.secure(connection, app, model.get("access"), "tester");
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** One request of {@code caller} on {@code app}: committed when {@code work} returns, rolled back when it throws. */
    <T> T as(Caller caller, String app, Work<T> work) throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            List<Event> published = new ArrayList<>();
            try {
                T result = work.run(RecordSession.open(connection, app, caller,
                        (key, data) -> published.add(new Event(key, data)), documents));
                connection.commit();
                events.addAll(published);
                return result;
            } catch (Exception e) {
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

    /** Every row of a query as the superuser (no row security), each column as text. */
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

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    static Caller caller(String userId, Set<String> roles, Set<String> groups) {
        return new Caller(userId, "user-" + userId.substring(0, 8), roles, groups, Set.of("catalogs:data:*"), null,
                "session", UUID.randomUUID().toString(), Instant.now().plusSeconds(300));
    }

    /** A JSON object from text with single quotes for double ones. */
    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    static JsonObject resource(String path) throws Exception {
        try (InputStream in = RecordsDatabase.class.getResourceAsStream(path);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }
}
