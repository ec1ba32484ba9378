package io.plinth.catalogs.records;

import static io.plinth.catalogs.records.RecordWritesTest.refused;
import static io.plinth.catalogs.records.RecordsDatabase.caller;
import static io.plinth.catalogs.records.RecordsDatabase.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.catalogs.access.AccessPolicies;
import io.plinth.catalogs.records.RedisModelDocuments.Result;
import io.plinth.kernel.bus.IncomingEvent;
import io.plinth.kernel.security.Caller;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The app model cache against the local Redis (127.0.0.1:6379) with a per-run key prefix whose
 * keys are deleted at the end, and a throw-away PostgreSQL database.
 */
class ModelCacheTest {

    private static final Caller ADMIN = caller("00000000-0000-0000-0000-0000000000ad", Set.of("admin"), Set.of());
    private static final String PREFIX = "plinth-test-" + UUID.randomUUID() + ":catalogs:app-model:";

    private static RecordsDatabase db;
    private static RedissonClient redis;
    private static RedisModelDocuments documents;
    private static final Map<Result, AtomicInteger> counts = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        db = new RecordsDatabase();
        redis = client(6379, 2000);
        documents = new RedisModelDocuments(redis, PREFIX, Duration.ofMinutes(10), Duration.ofMinutes(1),
                result -> counts.computeIfAbsent(result, r -> new AtomicInteger()).incrementAndGet());
        db.documents = documents;
    }

    @AfterAll
    static void stop() throws Exception {
        redis.getKeys().deleteByPattern(PREFIX + "*");
        redis.shutdown();
        db.close();
    }

    @BeforeEach
    void resetCounts() {
        counts.clear();
    }

    private static RedissonClient client(int port, int timeoutMillis) {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port).setConnectTimeout(timeoutMillis)
                .setTimeout(timeoutMillis).setRetryAttempts(0).setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(2);
        return Redisson.create(config);
    }

    private static int count(Result result) {
        return counts.getOrDefault(result, new AtomicInteger()).get();
    }

    private static RMap<String, String> hash(String app) {
        return redis.getMap(documents.key(app), StringCodec.INSTANCE);
    }

    private static String app() throws Exception {
        String app = "cache" + UUID.randomUUID().toString().substring(0, 8);
        db.apply(app, RecordsDatabase.resource("/records/crm.json"), 1);
        return app;
    }

    private static JsonObject tag(RecordsDatabase on, String app, String body) throws Exception {
        return on.as(ADMIN, app, s -> s.create("tag", json(body)));
    }

    @Test
    void theSecondRequestIsServedFromRedis() throws Exception {
        String app = app();
        tag(db, app, "{'label': 'one'}");
        assertThat(count(Result.MISS)).isEqualTo(1);
        assertThat(hash(app).size()).isEqualTo(1);
        assertThat(redis.getKeys().remainTimeToLive(PREFIX + app)).isPositive();

        tag(db, app, "{'label': 'two'}");
        assertThat(count(Result.HIT)).isEqualTo(1);
        assertThat(count(Result.MISS)).isEqualTo(1);

        // What Redis holds is what the request uses: without the rules there, admin may do nothing.
        String stamp = hash(app).keySet().iterator().next();
        JsonObject stored;
        try (JsonReader reader = Json.createReader(new StringReader(hash(app).get(stamp)))) {
            stored = reader.readObject();
        }
        hash(app).put(stamp, Json.createObjectBuilder(stored).add("rules", Json.createArrayBuilder()).build()
                .toString());
        refused(() -> tag(db, app, "{'label': 'three'}"), 403, "operation-not-allowed");
    }

    @Test
    void aNewSchemaVersionOrNewRulesAreNeverServedFromAStaleEntry() throws Exception {
        String app = app();
        tag(db, app, "{'label': 'before'}");
        JsonObject model = RecordsDatabase.resource("/records/crm.json");
        JsonArrayBuilder types = Json.createArrayBuilder();
        model.getJsonArray("types").forEach(t -> types.add(t.asJsonObject().getString("key").equals("tag")
                ? Json.createObjectBuilder(t.asJsonObject()).add("fields", Json.createArrayBuilder(
                        t.asJsonObject().getJsonArray("fields")).add(Json.createObjectBuilder().add("key", "colour")
                        .add("type", "text"))).build() : t));
        db.apply(app, Json.createObjectBuilder(model).add("types", types).build(), 2);

        // No event reached the cache, yet the new field is known at once.
        assertThat(tag(db, app, "{'label': 'after', 'colour': 'red'}").getString("colour")).isEqualTo("red");
        assertThat(hash(app).size()).as("one entry per stamp").isEqualTo(2);
        assertThat(count(Result.HIT)).isZero();

        // Rules alone change the stamp too.
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            AccessPolicies.secure(connection, app, Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("role", "admin").add("type", "customer").add("operations", Json.createArrayBuilder()
                            .add("read"))).build(), "tester");
            connection.commit();
        }
        refused(() -> tag(db, app, "{'label': 'no rule'}"), 403, "operation-not-allowed");
        assertThat(hash(app).size()).isEqualTo(3);
        assertThat(count(Result.HIT)).isZero();
    }

    @Test
    void theEventsOfAChangedModelDeleteTheAppsEntries() throws Exception {
        ModelCacheInvalidation invalidation = new ModelCacheInvalidation();
        invalidation.documents = documents;
        assertThat(invalidation.bindings()).containsExactlyInAnyOrder("view-service.app.activated",
                "catalogs.schema.applied", "catalogs.schema.removed");
        String other = app();
        tag(db, other, "{'label': 'other'}");
        for (String event : invalidation.bindings()) {
            String app = app();
            tag(db, app, "{'label': 'x'}");
            assertThat(hash(app).isExists()).isTrue();

            invalidation.handle(new IncomingEvent(UUID.randomUUID().toString(), event, event.split("\\.")[0],
                    "2026-01-01T00:00:00Z", Json.createObjectBuilder().add("app", app).build(), 1, null));

            assertThat(hash(app).isExists()).as(event).isFalse();
            tag(db, app, "{'label': 'y'}");
            assertThat(hash(app).isExists()).as("filled again").isTrue();
        }
        assertThat(hash(other).isExists()).as("other apps keep theirs").isTrue();
    }

    @Test
    void requestsReadTheDatabaseWhileRedisIsDown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RedissonClient down = client(closedPort, 1000);
        try {
            RedisModelDocuments unavailable = new RedisModelDocuments(down, PREFIX, Duration.ofMinutes(10),
                    Duration.ofMinutes(1), result -> counts.computeIfAbsent(result, r -> new AtomicInteger())
                    .incrementAndGet());
            db.documents = unavailable;
            String app = app();
            assertThat(tag(db, app, "{'label': 'first'}").getString("label")).isEqualTo("first");
            long start = System.nanoTime();
            assertThat(tag(db, app, "{'label': 'second'}").getString("label")).isEqualTo("second");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Redis is left alone after a failure")
                    .isLessThan(Duration.ofMillis(900));
            assertThat(count(Result.UNAVAILABLE)).isEqualTo(2);
            assertThat(count(Result.HIT) + count(Result.MISS)).isZero();
        } finally {
            db.documents = documents;
            down.shutdown();
        }
    }
}
