package io.plinth.systemtests.bench;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.Publications;
import io.plinth.systemtests.support.Service;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The benchmark's own app, made the way a builder makes one: an identity role and a non-admin
 * user holding it, an app created and published through view-service whose type {@code item} has
 * an access rule (the role reads and creates only the rows it owns), so every REST request runs
 * under row-level security. The keys are fixed, so a run reuses what an earlier one created (and
 * publishing the same model again changes nothing); the rows are removed at the start and the end.
 */
final class BenchApp {

    static final String APP = "plinth-bench";
    static final String TYPE = "item";
    static final String ROLE = "bench-clerk";
    static final String USER = "bench-user";
    static final String TABLE = "catalogs.\"" + APP + "__" + TYPE + "\"";

    private static final String MODEL = """
            {"key": "%s", "name": "Benchmark", "description": "Made and emptied by ./plinth bench",
             "types": [{"key": "%s", "fields": [
               {"key": "name", "type": "text", "length": 100, "required": true},
               {"key": "status", "type": "enum", "values": ["open", "closed", "hold", "draft"], "required": true,
                "indexed": true},
               {"key": "amount", "type": "decimal", "precision": 12, "scale": 2, "indexed": true},
               {"key": "seq", "type": "integer"},
               {"key": "note", "type": "text", "length": 200}]}],
             "roles": [{"key": "%s", "name": "Benchmark clerk"}],
             "access": [{"role": "%s", "type": "%s", "operations": ["create", "read"],
               "rows": [{"field": "owner", "op": "eq", "value": "$user.id"}]}]}
            """.formatted(APP, TYPE, ROLE, ROLE, TYPE);

    private final String password = "Bench-" + UUID.randomUUID();
    private String userId;
    private String token;
    private Instant tokenAt = Instant.MIN;

    /** Creates (or finds) the role, the user and the app, publishes the model and empties the table. */
    void prepare() throws SQLException {
        String identity = Platform.url(Service.IDENTITY) + "/api";
        expect(Http.admin().post(identity + "/roles", Json.createObjectBuilder().add("key", ROLE)
                .add("name", "Benchmark clerk").add("permissions", Json.createArrayBuilder()
                        .add("catalogs:data:read").add("catalogs:data:write")).build().toString()), 201, 409);
        expect(Http.admin().post(identity + "/users", Json.createObjectBuilder().add("login", USER)
                .add("displayName", "Benchmark user").add("email", USER + "@example.com").build().toString()), 201, 409);
        expect(Http.admin().put(identity + "/users/" + USER + "/password",
                Json.createObjectBuilder().add("password", password).build().toString()), 200, 204);
        expect(Http.admin().put(identity + "/roles/" + ROLE + "/users/" + USER, ""), 204);
        userId = Http.json(expect(Http.admin().get(identity + "/users/" + USER + "/access"), 200)).getString("userId");

        String apps = Platform.url(Service.VIEW_SERVICE) + "/api/apps";
        expect(Http.admin().post(apps, "{\"key\": \"" + APP + "\", \"name\": \"Benchmark\"}"), 201, 409);
        expect(Http.admin().put(apps + "/" + APP + "/draft", MODEL), 200);
        JsonObject state = Publications.publish(Http.admin(), apps + "/" + APP, Duration.ofMinutes(3));
        if (!state.getString("status").equals("active")) {
            throw new IllegalStateException("the benchmark app was not published: " + state);
        }
        empty();
    }

    /** The id of the benchmark user: the owner of every row it may see. */
    String userId() {
        return userId;
    }

    /** The base URL of the type's records. */
    String dataUrl() {
        return Platform.url(Service.CATALOGS) + "/api/data/" + APP + "/" + TYPE;
    }

    /**
     * A client acting as the benchmark user (signed in again every two minutes: tokens live five)
     * over its own HTTP client: with HTTP/1.1 each concurrent request has a connection of its own.
     */
    Http user(HttpClient.Version version) {
        return Http.as(this::token, HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    private synchronized String token() {
        if (token == null || tokenAt.isBefore(Instant.now().minusSeconds(120))) {
            token = Platform.login(USER, password);
            tokenAt = Instant.now();
        }
        return token;
    }

    /** Removes the type's rows and their history (the type and its table stay for the next run). */
    void empty() throws SQLException {
        try (Connection connection = BenchDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + TABLE);
            try (PreparedStatement history = connection.prepareStatement(
                    "DELETE FROM catalogs.record_history WHERE app = ? AND type = ?")) {
                history.setString(1, APP);
                history.setString(2, TYPE);
                history.executeUpdate();
            }
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }
}
