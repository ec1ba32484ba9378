package io.plinth.catalogs.storage;

import io.plinth.catalogs.access.AccessPolicies;
import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The storage of each app's data types: plans, applies (in the caller's JTA transaction, with the
 * {@code catalogs.schema.applied} event), shows what is applied and removes it.
 */
@ApplicationScoped
public class AppSchemas {

    public static final String APPLIED = "catalogs.schema.applied";
    public static final String REMOVED = "catalogs.schema.removed";

    @Inject
    DataSource dataSource;

    @Inject
    EventPublisher events;

    /**
     * The plan from the applied types to the request's, with {@code security}: the row-level
     * security statements the apply would run for each type (see AccessPolicies#preview).
     */
    public JsonObject plan(SchemaRequest request) {
        try (Connection connection = dataSource.getConnection()) {
            MigrationPlan plan = MigrationRunner.plan(connection, request.app(), request.types(), request.version());
            return Json.createObjectBuilder(plan.toJson())
                    .add("security", AccessPolicies.preview(connection, request.app(), request.types(), request.access()))
                    .build();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not plan the storage of app '" + request.app() + "'", e);
        }
    }

    /**
     * Applies the request and secures the tables with the access rules (the request's, or those in
     * force); any problem rolls the whole transaction back, DDL included.
     */
    @Transactional
    public MigrationPlan apply(SchemaRequest request, String actor) {
        MigrationPlan plan;
        try (Connection connection = dataSource.getConnection()) {
            AccessPolicies.release(connection, request.app());
            plan = MigrationRunner.apply(connection, request.app(), request.types(), request.version(),
                    request.fromVersion(), request.confirmDataLoss(), actor);
            AccessPolicies.secure(connection, request.app(), request.access(), actor);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply the storage of app '" + request.app() + "'", e);
        }
        if (!Objects.equals(plan.fromVersion(), plan.toVersion())) {
            JsonObjectBuilder data = Json.createObjectBuilder()
                    .add("app", plan.app())
                    .add("version", plan.toVersion())
                    .add("steps", plan.steps().size());
            if (plan.fromVersion() != null) {
                data.add("fromVersion", plan.fromVersion());
            }
            events.publish(APPLIED, data.build());
        }
        return plan;
    }

    /**
     * Removes the app's storage (see {@link MigrationRunner#remove}) with the
     * {@code catalogs.schema.removed} event, in the caller's JTA transaction.
     */
    @Transactional
    public MigrationPlan remove(String app, Long expectedVersion, boolean confirmDataLoss, String actor) {
        MigrationPlan plan;
        try (Connection connection = dataSource.getConnection()) {
            AccessPolicies.release(connection, app);
            plan = MigrationRunner.remove(connection, app, expectedVersion, confirmDataLoss, actor);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove the storage of app '" + app + "'", e);
        }
        if (plan.fromVersion() != null) {
            events.publish(REMOVED, Json.createObjectBuilder()
                    .add("app", app)
                    .add("version", plan.fromVersion())
                    .add("steps", plan.steps().size())
                    .build());
        }
        return plan;
    }

    public AppSchema get(String app) {
        try (Connection connection = dataSource.getConnection()) {
            return MigrationRunner.current(connection, app)
                    .orElseThrow(() -> ProblemException.notFound("Schema of app", app));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the storage of app '" + app + "'", e);
        }
    }
}
