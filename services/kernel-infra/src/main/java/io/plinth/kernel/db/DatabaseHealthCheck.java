package io.plinth.kernel.db;

import io.plinth.kernel.health.Checks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** PostgreSQL answers a query through the service's pool, and its schemas are migrated. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Inject
    SchemaMigrations migrations;

    @Inject
    ServiceSchemas schemas;

    @Override
    public HealthCheckResponse call() {
        return Checks.probe("postgresql", () -> {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(3);
                statement.execute("SELECT 1");
                return HealthCheckResponse.named("postgresql")
                        .status(migrations.done())
                        .withData("database", connection.getCatalog())
                        .withData("schemas", String.join(",", schemas.names()))
                        .withData("migrated", migrations.done());
            }
        });
    }
}
