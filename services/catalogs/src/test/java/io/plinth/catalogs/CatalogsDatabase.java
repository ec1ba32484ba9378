package io.plinth.catalogs;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStream;
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
 * A throw-away PostgreSQL database (127.0.0.1:5432, user postgres: a superuser, as on a developer
 * machine) migrated with catalogs' real changelog, for one test class; {@link #close()} drops it.
 */
public abstract class CatalogsDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name;
    private final String options;

    /** {@code options}: the JDBC URL's query string, "" for none. */
    protected CatalogsDatabase(String prefix, String options) throws Exception {
        this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.options = options;
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

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + name + options, "postgres", "");
    }

    public void execute(String... sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /** Every row of a query as the superuser (no row security), each column as text. */
    public List<List<String>> rows(String sql, Object... parameters) throws SQLException {
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

    public String single(String sql, Object... parameters) throws SQLException {
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

    /** A JSON object from a test resource. */
    public static JsonObject resource(String path) throws Exception {
        try (InputStream in = CatalogsDatabase.class.getResourceAsStream(path);
             JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }
}
