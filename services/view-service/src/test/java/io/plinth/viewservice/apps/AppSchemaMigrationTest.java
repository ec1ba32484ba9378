package io.plinth.viewservice.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app-model changesets on a throw-away PostgreSQL database (127.0.0.1:5432, user postgres):
 * an app created before models gets its draft, versions cannot change, and the database holds
 * at most one running publication per app.
 */
class AppSchemaMigrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String NAME = "view_models_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final UUID OLD_APP = UUID.randomUUID();

    @BeforeAll
    static void migrateAnOldDatabase() throws Exception {
        execute(SERVER + "postgres", "CREATE DATABASE " + NAME);
        execute(SERVER + NAME, "CREATE SCHEMA view_service", "CREATE SCHEMA maintenance");
        migrate("db/changelog-before-models.xml");
        execute(SERVER + NAME, "INSERT INTO view_service.app (id, app_key, name, description, created_at) VALUES ('"
                + OLD_APP + "', 'old', 'Old app', NULL, now())");
        migrate("db/changelog.xml");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }

    private static void migrate(String changelog) throws Exception {
        try (Connection connection = connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName("view_service");
            database.setLiquibaseSchemaName("view_service");
            Scope.child(Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(AppSchemaMigrationTest.class.getClassLoader()),
                    "liquibase.analytics.enabled", false,
                    "liquibase.showBanner", false), () -> new CommandScope("update")
                    .addArgumentValue("database", database)
                    .addArgumentValue("changelogFile", changelog)
                    .execute());
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + NAME, "postgres", "");
    }

    private static void execute(String url, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static String single(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void anAppFromBeforeModelsGetsTheDraftItsRowDescribesAndALockId() throws SQLException {
        assertThat(single("SELECT draft FROM view_service.app WHERE app_key = 'old'"))
                .isEqualTo("{\"modelVersion\":1,\"key\":\"old\",\"name\":\"Old app\"}");
        assertThat(single("SELECT draft_revision || ' ' || (lock_id IS NOT NULL) FROM view_service.app WHERE app_key = 'old'"))
                .isEqualTo("1 true");
    }

    @Test
    void publishedVersionsCannotBeChangedOrRemoved() throws SQLException {
        execute(SERVER + NAME, "INSERT INTO view_service.app_version (id, app_id, number, model, checksum, origin, published_at)"
                + " VALUES (gen_random_uuid(), '" + OLD_APP + "', 1, '{}', 'c', 'draft', now())");

        assertThatThrownBy(() -> execute(SERVER + NAME, "UPDATE view_service.app_version SET model = '{\"x\":1}'"))
                .hasMessageContaining("published app versions are immutable (UPDATE refused)");
        assertThatThrownBy(() -> execute(SERVER + NAME, "DELETE FROM view_service.app_version"))
                .hasMessageContaining("DELETE refused");
        assertThatThrownBy(() -> execute(SERVER + NAME, "TRUNCATE view_service.app_version"))
                .hasMessageContaining("TRUNCATE refused");
        assertThat(single("SELECT count(*) FROM view_service.app_version")).isEqualTo("1");
    }

    @Test
    void anAppHasAtMostOneRunningPublication() throws SQLException {
        String insert = "INSERT INTO view_service.publication (id, app_id, kind, status, step, model, requested_at,"
                + " updated_at) VALUES (gen_random_uuid(), '" + OLD_APP + "', 'publish', '%s', 'validate', '{}', now(), now())";
        execute(SERVER + NAME, insert.formatted("failed"), insert.formatted("active"), insert.formatted("validating"));

        assertThatThrownBy(() -> execute(SERVER + NAME, insert.formatted("applying")))
                .hasMessageContaining("publication_one_running");
        assertThatThrownBy(() -> execute(SERVER + NAME, insert.formatted("paused")))
                .hasMessageContaining("publication_status");
        assertThat(single("SELECT count(*) || ' ' || bool_or(confirm_data_loss) FROM view_service.publication"))
                .as("data loss is confirmed only when a request says so").isEqualTo("3 false");
    }
}
