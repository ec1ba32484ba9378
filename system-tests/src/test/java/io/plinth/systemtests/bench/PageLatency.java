package io.plinth.systemtests.bench;

import io.plinth.systemtests.support.Http;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latency of a filtered, sorted page over a type holding many rows: the first page of
 * {@code status = open} sorted by {@code amount} descending, and the keyset page after it, through
 * REST as the benchmark user (row-level security: a tenth of the rows belongs to someone else)
 * against the SQL catalogs runs for it, over JDBC as the database user with the row rule written
 * out ({@code owner = <user>}). catalogs answers a page with its total, so each side runs the page
 * query, the bounded count and, beyond 10,000 rows, the planner's estimate.
 */
final class PageLatency {

    static final String QUERY = "filter=status:eq:open&sort=-amount&limit=50";
    private static final String FILTER = "r.\"status\" = CAST(? AS text) AND r.owner = CAST(? AS uuid)";
    private static final String AFTER = " AND ((r.\"amount\" < CAST(? AS numeric)) OR (r.\"amount\" = CAST(? AS numeric)"
            + " AND (r.id > CAST(? AS uuid) OR r.id IS NULL)))";
    private static final String PAGE = "SELECT r.id, r.version, r.created_at, r.created_by, r.updated_at, r.updated_by,"
            + " r.owner, r.\"name\", r.\"status\", r.\"amount\", r.\"seq\", r.\"note\", r.\"amount\", r.id FROM "
            + BenchApp.TABLE + " r WHERE " + FILTER + "%s ORDER BY r.\"amount\" DESC, r.id ASC LIMIT 51 OFFSET 0";
    private static final String COUNT = "SELECT count(*) FROM (SELECT 1 FROM " + BenchApp.TABLE + " r WHERE " + FILTER
            + " LIMIT 10001) c";
    private static final String ESTIMATE = "EXPLAIN (FORMAT JSON) SELECT 1 FROM " + BenchApp.TABLE + " r WHERE " + FILTER;

    /** p50, p95 and p99 in milliseconds. */
    record Latency(double p50, double p95, double p99) {
        static Latency of(Histogram histogram) {
            return new Latency(ms(histogram, 50), ms(histogram, 95), ms(histogram, 99));
        }

        private static double ms(Histogram histogram, double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e6;
        }
    }

    record Results(Latency restFirst, Latency jdbcFirst, Latency restNext, Latency jdbcNext, long total,
                   boolean totalExact) {
    }

    @FunctionalInterface
    private interface Request {
        void run() throws Exception;
    }

    private final BenchApp app;
    private final Http user;

    PageLatency(BenchApp app, HttpClient.Version http) {
        this.app = app;
        this.user = app.user(http);
    }

    /**
     * Empties the type and fills it with {@code rows} rows in one statement, with the system columns
     * catalogs sets on a create (who and when, owner, no tenant (''); version, app and type by default),
     * then updates the planner's statistics. Answers the seconds it took.
     */
    double seed(long rows) throws SQLException {
        app.empty();
        long start = System.nanoTime();
        try (Connection connection = BenchDatabase.connect()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + BenchApp.TABLE
                    + " (created_at, created_by, updated_at, updated_by, owner, tenant, \"name\", \"status\", \"amount\","
                    + " \"seq\", \"note\")"
                    + " SELECT now() - i * interval '1 second', ?, now() - i * interval '1 second', ?,"
                    + " CASE WHEN i % 10 = 0 THEN CAST(? AS uuid) ELSE CAST(? AS uuid) END, '', 'item-' || i,"
                    + " (ARRAY['open', 'closed', 'hold', 'draft'])[1 + i % 4], (i * 7919 % 1000000) / 100.0, i,"
                    + " 'seeded row ' || i FROM generate_series(1, ?) i")) {
                insert.setString(1, app.userId());
                insert.setString(2, app.userId());
                insert.setString(3, UUID.randomUUID().toString());
                insert.setString(4, app.userId());
                insert.setLong(5, rows);
                insert.executeUpdate();
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE " + BenchApp.TABLE);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Checks that both sides answer the same rows, then measures each query {@code samples} times. */
    Results measure(int warmup, int samples) throws Exception {
        String first = app.dataUrl() + "?" + QUERY;
        JsonObject page = Http.json(check(user.get(first)));
        String cursor = page.getString("nextCursor");
        String next = first + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        List<UUID> restIds = page.getJsonArray("items").stream()
                .map(i -> UUID.fromString(i.asJsonObject().getString("id"))).toList();
        try (Connection connection = BenchDatabase.connect();
             PreparedStatement firstPage = connection.prepareStatement(PAGE.formatted(""));
             PreparedStatement nextPage = connection.prepareStatement(PAGE.formatted(AFTER));
             PreparedStatement count = connection.prepareStatement(COUNT);
             PreparedStatement estimate = connection.prepareStatement(ESTIMATE)) {
            Object[] keys = new Object[2];
            List<UUID> jdbcIds = page(firstPage, count, estimate, keys, null);
            if (!jdbcIds.equals(restIds)) {
                throw new IllegalStateException("REST and JDBC disagree on the first page: " + restIds + " / " + jdbcIds);
            }
            Object[] after = {keys[0], keys[0], keys[1]};
            Latency restFirst = sample(warmup, samples, () -> check(user.get(first)));
            Latency jdbcFirst = sample(warmup, samples, () -> page(firstPage, count, estimate, new Object[2], null));
            Latency restNext = sample(warmup, samples, () -> check(user.get(next)));
            Latency jdbcNext = sample(warmup, samples, () -> page(nextPage, count, estimate, new Object[2], after));
            return new Results(restFirst, jdbcFirst, restNext, jdbcNext, page.getJsonNumber("total").longValue(),
                    page.getBoolean("totalExact"));
        }
    }

    /** Runs the page query (after the keys {@code after}, if any) and the count; leaves the last row's sort keys. */
    private List<UUID> page(PreparedStatement page, PreparedStatement count, PreparedStatement estimate, Object[] keys,
                            Object[] after) throws Exception {
        filter(page);
        if (after != null) {
            page.setBigDecimal(3, (BigDecimal) after[0]);
            page.setBigDecimal(4, (BigDecimal) after[1]);
            page.setObject(5, after[2]);
        }
        List<UUID> ids = new ArrayList<>();
        try (ResultSet row = page.executeQuery()) {
            while (row.next() && ids.size() < 50) {
                for (int i = 1; i <= 14; i++) {
                    row.getObject(i);
                }
                ids.add(row.getObject(1, UUID.class));
                keys[0] = row.getBigDecimal(13);
                keys[1] = row.getObject(14, UUID.class);
            }
        }
        filter(count);
        try (ResultSet row = count.executeQuery()) {
            row.next();
            if (row.getLong(1) > 10_000) {
                filter(estimate);
                try (ResultSet plan = estimate.executeQuery()) {
                    plan.next();
                    plan.getString(1);
                }
            }
        }
        return ids;
    }

    private void filter(PreparedStatement statement) throws SQLException {
        statement.setString(1, "open");
        statement.setString(2, app.userId());
    }

    private static Latency sample(int warmup, int samples, Request request) throws Exception {
        for (int i = 0; i < warmup; i++) {
            request.run();
        }
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            request.run();
            histogram.recordValue(Math.min(System.nanoTime() - start, TimeUnit.MINUTES.toNanos(1)));
        }
        return Latency.of(histogram);
    }

    private static HttpResponse<String> check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + response.request().uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response;
    }
}
