package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.MigrationRunner;
import io.plinth.catalogs.storage.SchemaRequest;
import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The access rules of each app: applied to its tables as row policies, and shown. */
@ApplicationScoped
public class AppAccess {

    public static final String APPLIED = "catalogs.access.applied";

    @Inject
    DataSource dataSource;

    @Inject
    EventPublisher events;

    /** Replaces the app's rules with {@code body}'s {@code access} (an app model or {@code {"access": [...]}}). */
    @Transactional
    public JsonArray apply(String app, JsonObject body, String actor) {
        SchemaRequest.checkApp(app);
        if (body == null) {
            throw ProblemException.invalid("", "a JSON body is required");
        }
        JsonValue access = body.get("access");
        if (access == null || access == JsonValue.NULL) {
            throw ProblemException.invalid("access", "is required (an empty array leaves nobody any access)");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (MigrationRunner.current(connection, app).isEmpty()) {
                throw ProblemException.notFound("Schema of app", app);
            }
            AccessRules rules = AccessPolicies.secure(connection, app, access, actor);
            events.publish(APPLIED, Json.createObjectBuilder().add("app", app).add("rules", rules.rules().size())
                    .build());
            return rules.toJson();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply the access rules of app '" + app + "'", e);
        }
    }

    public JsonArray get(String app) {
        SchemaRequest.checkApp(app);
        try (Connection connection = dataSource.getConnection()) {
            var schema = MigrationRunner.current(connection, app)
                    .orElseThrow(() -> ProblemException.notFound("Schema of app", app));
            return AccessPolicies.load(connection, app, schema.types()).toJson();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the access rules of app '" + app + "'", e);
        }
    }
}
