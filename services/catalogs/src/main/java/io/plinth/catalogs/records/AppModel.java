package io.plinth.catalogs.records;

import io.plinth.catalogs.access.AccessRules;
import io.plinth.catalogs.access.AccessRulesParser;
import io.plinth.catalogs.storage.SchemaRequest;
import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.catalogs.storage.TypeModelParser;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The applied types of an app and the access rules in force, as one request's transaction sees them. */
record AppModel(String app, long version, List<TypeModel> types, AccessRules rules) {

    /**
     * Loads the app's model for the rest of the transaction. The shared advisory lock makes a schema
     * apply (which takes it exclusively) wait for running requests, and requests wait for a running
     * apply, so no request ever sees tables halfway through a migration. Under that lock one primary
     * key lookup reads the stamp of what is applied; the documents (types and rules, the large part)
     * come from {@code documents} by that stamp, or from the database when it has none.
     */
    static AppModel load(Connection connection, String app, ModelDocuments documents) throws SQLException {
        SchemaRequest.checkApp(app);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock_shared(hashtext('catalogs.schema'), hashtext(?))")) {
            lock.setString(1, app);
            lock.execute();
        }
        String stamp = stamp(connection, app).orElseThrow(() -> ProblemException.notFound("App", app));
        Optional<String> cached = documents.get(app, stamp);
        if (cached.isPresent()) {
            return parse(app, cached.get());
        }
        String stored = stored(connection, app).orElseThrow(() -> ProblemException.notFound("App", app));
        documents.put(app, stamp, stored);
        return parse(app, stored);
    }

    /**
     * What identifies the applied schema and rules: the schema version, and for both rows the
     * transaction that wrote them ({@code xmin}) and when. Every apply and every rules change writes
     * its row again, so the stamp changes with it, also when an app is removed and applied anew at
     * the same version.
     */
    private static Optional<String> stamp(Connection connection, String app) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT s.version, s.xmin::text, s.applied_at,"
                + " a.xmin::text, a.applied_at FROM catalogs.app_schema s"
                + " LEFT JOIN catalogs.app_access a ON a.app = s.app WHERE s.app = ?")) {
            statement.setString(1, app);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String access = row.getString(4) == null ? "none"
                        : row.getString(4) + "." + micros(row.getObject(5, OffsetDateTime.class));
                return Optional.of(row.getLong(1) + "." + row.getString(2) + "."
                        + micros(row.getObject(3, OffsetDateTime.class)) + "." + access);
            }
        }
    }

    private static long micros(OffsetDateTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    /** {@code {"version": n, "types": [...], "rules": [...]}} as applied; no rules when none were ever applied. */
    private static Optional<String> stored(Connection connection, String app) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT json_build_object('version', s.version,"
                + " 'types', s.types, 'rules', coalesce(a.rules, '[]'::jsonb))::text FROM catalogs.app_schema s"
                + " LEFT JOIN catalogs.app_access a ON a.app = s.app WHERE s.app = ?")) {
            statement.setString(1, app);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static AppModel parse(String app, String documents) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(documents))) {
            json = reader.readObject();
        }
        List<TypeModel> types = TypeModelParser.parseTypes(json.getJsonArray("types"));
        JsonValue rules = json.get("rules");
        return new AppModel(app, json.getJsonNumber("version").longValue(), types,
                AccessRulesParser.parse(rules, types));
    }

    TypeModel type(String key) {
        return types.stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Type of app '" + app + "'", key));
    }

    StorageNames names() {
        return new StorageNames(app);
    }
}
