package io.plinth.kernel.db;

import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the service's own schemas up to date with its Liquibase changelog when the application
 * starts, before anything else runs. A PostgreSQL advisory lock per service serialises replicas
 * that start together; the changelog tables live in the service's primary schema.
 */
@ApplicationScoped
public class SchemaMigrations {

    public static final int STARTUP_PRIORITY = 10;
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Inject
    DataSource dataSource;

    @Inject
    ServiceSchemas schemas;

    @Inject
    ServiceIdentity identity;

    @Inject
    Settings settings;

    private volatile boolean done;

    void migrate(@Observes @Priority(STARTUP_PRIORITY) Startup startup) throws Exception {
        String changelog = settings.text("plinth.db.changelog");
        long started = System.nanoTime();
        try (Connection connection = awaitDatabase(settings.duration("plinth.db.startup-wait"))) {
            connection.setAutoCommit(true);
            lock(connection, true);
            try {
                for (String schema : schemas.names()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE SCHEMA IF NOT EXISTS " + ServiceSchemas.quote(schema));
                    }
                }
                update(connection, changelog);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                lock(connection, false);
            }
        }
        done = true;
        LOG.info(() -> "Schemas " + schemas.names() + " are up to date with " + changelog + " ("
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    /**
     * PostgreSQL may start later than the service, or answer slowly while a whole platform boots:
     * wait for it (up to {@code plinth.db.startup-wait}) instead of failing the deployment.
     */
    private Connection awaitDatabase(Duration wait) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 500;
        while (true) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warning(() -> "PostgreSQL is not reachable yet, schema migration waits: " + e.getMessage());
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void update(Connection connection, String changelog) throws Exception {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        database.setDefaultSchemaName(schemas.primary());
        database.setLiquibaseSchemaName(schemas.primary());
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(),
                new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader()),
                "liquibase.analytics.enabled", false,
                // Keeps schema names such as "workplace-host" quoted in the SQL Liquibase writes.
                "liquibase.preserveSchemaCase", true,
                "liquibase.showBanner", false);
        Scope.child(scope, () -> new CommandScope("update")
                .addArgumentValue("database", database)
                .addArgumentValue("changelogFile", changelog)
                .execute());
    }

    private void lock(Connection connection, boolean acquire) throws SQLException {
        String sql = acquire ? "SELECT pg_advisory_lock(hashtext(?))" : "SELECT pg_advisory_unlock(hashtext(?))";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "plinth-migrations:" + identity.name());
            statement.execute();
        }
    }

    public boolean done() {
        return done;
    }
}
