package io.plinth.catalogs.records;

import io.plinth.catalogs.CatalogsDatabase;
import io.plinth.catalogs.access.AccessPolicies;
import io.plinth.catalogs.storage.MigrationRunner;
import io.plinth.catalogs.storage.TypeModelParser;
import io.plinth.kernel.security.Caller;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A catalogs database where work runs the way the service runs it: one transaction per request,
 * {@link RecordSession#open} (the same SET LOCAL ROLE and settings), then commit, or roll back on
 * any failure.
 */
final class RecordsDatabase extends CatalogsDatabase {

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

    /** As the service's data source connects: strings sent untyped. */
    RecordsDatabase() throws Exception {
        super("catalogs_records_", "?stringtype=unspecified");
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
}
