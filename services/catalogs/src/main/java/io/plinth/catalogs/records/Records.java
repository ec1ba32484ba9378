package io.plinth.catalogs.records;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The records API for the signed-in caller. Every method, reads included, runs in a transaction
 * of its own: the caller's scope ({@code SET LOCAL ROLE} and settings) lives exactly as long as
 * it, and a failure rolls back the change, its history and its events together. REST
 * ({@link RecordResource}) and gRPC ({@link RecordGrpcService}) both call this class.
 */
@ApplicationScoped
public class Records {

    @Inject
    DataSource dataSource;

    @Inject
    EventPublisher events;

    @Inject
    ModelDocuments documents;

    @FunctionalInterface
    interface Work<T> {
        T run(RecordSession session) throws SQLException;
    }

    @Transactional
    public JsonObject query(String app, String type, Map<String, List<String>> parameters) {
        return work(app, s -> s.query(type, parameters));
    }

    @Transactional
    public JsonObject get(String app, String type, String id, String fields) {
        return work(app, s -> s.get(type, id, fields));
    }

    @Transactional
    public JsonObject history(String app, String type, String id) {
        return work(app, s -> s.history(type, id));
    }

    @Transactional
    public JsonObject create(String app, String type, JsonValue body) {
        return work(app, s -> s.create(type, body));
    }

    @Transactional
    public JsonObject update(String app, String type, String id, JsonValue body, boolean replace, Long ifMatch) {
        return work(app, s -> s.update(type, id, body, replace, ifMatch));
    }

    @Transactional
    public void delete(String app, String type, String id, Long version, Long ifMatch) {
        work(app, s -> {
            s.delete(type, id, version, ifMatch);
            return null;
        });
    }

    @Transactional
    public JsonObject bulk(String app, String type, JsonValue body) {
        return work(app, s -> s.bulk(type, body));
    }

    /** Runs {@code work} for the signed-in caller in the current transaction. */
    <T> T work(String app, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(RecordSession.open(connection, app, Callers.required(), events::publish, documents));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not work on the records of app '" + app + "'", e);
        }
    }
}
