package io.plinth.systemtests.bench;

import io.plinth.systemtests.support.Http;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The four measured operations on the benchmark type: create and read by id, through the REST
 * API as the benchmark user (row-level security, history, event, JSON) and with plain JDBC on
 * the type's table as the database user. Both sides write the same columns and read the rows both
 * wrote, so they handle the same data.
 */
final class RecordClients {

    private static final String COLUMNS = "id, version, created_at, created_by, updated_at, updated_by, owner, tenant,"
            + " \"name\", \"status\", \"amount\", \"seq\", \"note\"";

    private final BenchApp app;
    private final Http user;
    private final AtomicLong sequence = new AtomicLong();
    private final Queue<UUID> created = new ConcurrentLinkedQueue<>();
    private volatile List<UUID> readable = List.of();
    private volatile HttpClient.Version lastVersion;

    RecordClients(BenchApp app, HttpClient.Version http) {
        this.app = app;
        this.user = app.user(http);
    }

    /** The HTTP version the last REST request used. */
    String httpVersion() {
        return String.valueOf(lastVersion);
    }

    /** Reads pick their ids among the rows created so far. */
    void freezeIds() {
        readable = new ArrayList<>(created);
        if (readable.isEmpty()) {
            throw new IllegalStateException("no rows were created to read");
        }
    }

    Throughput.Clients restInsert() {
        return () -> () -> {
            long n = sequence.incrementAndGet();
            HttpResponse<String> response = user.send(HttpRequest.newBuilder(URI.create(app.dataUrl()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"rest-" + n + "\", \"status\": \""
                            + status(n) + "\", \"amount\": \"" + amount(n) + "\", \"seq\": " + n
                            + ", \"note\": \"created through REST\"}")));
            check(response, 201);
            String location = response.headers().firstValue("Location").orElseThrow();
            created.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        };
    }

    Throughput.Clients jdbcInsert() {
        return () -> new Throughput.Client() {
            private final Connection connection = BenchDatabase.connect();
            private final PreparedStatement insert = connection.prepareStatement("INSERT INTO " + BenchApp.TABLE
                    + " (created_by, updated_by, owner, tenant, \"name\", \"status\", \"amount\", \"seq\", \"note\")"
                    + " VALUES (?, ?, CAST(? AS uuid), '', ?, ?, ?, ?, ?) RETURNING id");

            @Override
            public void run() throws Exception {
                long n = sequence.incrementAndGet();
                insert.setString(1, app.userId());
                insert.setString(2, app.userId());
                insert.setString(3, app.userId());
                insert.setString(4, "jdbc-" + n);
                insert.setString(5, status(n));
                insert.setBigDecimal(6, amount(n));
                insert.setLong(7, n);
                insert.setString(8, "created through JDBC");
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    created.add(row.getObject(1, UUID.class));
                }
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    Throughput.Clients restRead() {
        return () -> () -> check(user.get(app.dataUrl() + "/" + anyId()), 200);
    }

    Throughput.Clients jdbcRead() {
        return () -> new Throughput.Client() {
            private final Connection connection = BenchDatabase.connect();
            private final PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                    + BenchApp.TABLE + " WHERE id = ?");

            @Override
            public void run() throws Exception {
                select.setObject(1, anyId());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("a created row is missing");
                    }
                    for (int i = 1; i <= 13; i++) {
                        row.getObject(i);
                    }
                }
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    private UUID anyId() {
        List<UUID> ids = readable;
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private void check(HttpResponse<String> response, int status) {
        lastVersion = response.version();
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    static String status(long n) {
        return switch ((int) (n % 4)) {
            case 0 -> "open";
            case 1 -> "closed";
            case 2 -> "hold";
            default -> "draft";
        };
    }

    static BigDecimal amount(long n) {
        return BigDecimal.valueOf(n * 7919 % 1_000_000, 2);
    }
}
