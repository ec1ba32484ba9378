package io.plinth.systemtests.bench;

import io.plinth.systemtests.support.Platform;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./plinth bench}: throughput of creates and reads by id through catalogs' REST API under
 * row-level security against plain JDBC on the same table, at several client counts, then the
 * latency of a filtered, sorted page over a type holding a million rows. Runs against the platform
 * the launcher started (split mode unless it already ran all-in-one) and its own database; the
 * benchmark app's rows are removed at the end. See docs/benchmarks.md.
 */
public final class Bench {

    private record Figure(String operation, int clients, double rest, double jdbc) {
    }

    private Bench() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            System.exit(0);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            String password = System.getenv("PLINTH_ADMIN_PASSWORD");
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("PLINTH_ADMIN_PASSWORD is not set: run the benchmark with ./plinth bench");
            }
            Platform.attach("all-in-one".equals(System.getProperty("plinth.mode")) ? Platform.Mode.ALL_IN_ONE
                    : Platform.Mode.SPLIT, System.getenv().getOrDefault("PLINTH_ADMIN_LOGIN", "admin"), password);
            BenchApp app = new BenchApp();
            app.prepare();
            // Also on Ctrl-C: a million rows are not left behind.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    app.empty();
                    say("The benchmark app's rows and history are removed.");
                } catch (Exception e) {
                    System.err.println("Could not remove the benchmark's rows (the next run does): " + e);
                }
            }));
            run(options, app);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(BenchOptions options, BenchApp app) throws Exception {
        say("Plinth benchmark: %d cores, Java %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), postgresVersion());
        say("Options: clients %s, warm-up %.1fs and %.1fs measured per run, %,d rows, %d samples per page query,"
                + " HTTP %s", options.clients(), options.warmup().toMillis() / 1000.0,
                options.duration().toMillis() / 1000.0, options.rows(), options.samples(),
                options.http() == HttpClient.Version.HTTP_2 ? "2" : "1.1");
        say("REST: catalogs as '%s' (role %s, rows where owner = the user); JDBC: table %s as the database user",
                BenchApp.USER, BenchApp.ROLE, BenchApp.TABLE);
        say("");

        RecordClients records = new RecordClients(app, options.http());
        List<Figure> figures = new ArrayList<>();
        for (int clients : options.clients()) {
            double rest = Throughput.run(clients, options.warmup(), options.duration(), records.restInsert());
            double jdbc = Throughput.run(clients, options.warmup(), options.duration(), records.jdbcInsert());
            figures.add(progress(new Figure("insert", clients, rest, jdbc)));
        }
        records.freezeIds();
        for (int clients : options.clients()) {
            double rest = Throughput.run(clients, options.warmup(), options.duration(), records.restRead());
            double jdbc = Throughput.run(clients, options.warmup(), options.duration(), records.jdbcRead());
            figures.add(progress(new Figure("read by id", clients, rest, jdbc)));
        }
        say("");
        say("Throughput (operations per second; REST answered over %s)", records.httpVersion());
        say("%-11s %8s %12s %12s %10s", "operation", "clients", "REST", "JDBC", "REST/JDBC");
        for (Figure f : figures) {
            say("%-11s %8d %12.1f %12.1f %10.3f", f.operation(), f.clients(), f.rest(), f.jdbc(), f.rest() / f.jdbc());
        }

        say("");
        PageLatency pages = new PageLatency(app, options.http());
        say("Seeding %,d rows (one INSERT ... SELECT generate_series, then ANALYZE)...", options.rows());
        say("  done in %.1f s", pages.seed(options.rows()));
        PageLatency.Results results = pages.measure(options.pageWarmup(), options.samples());
        say("");
        say("Page latency over %,d rows, one client, %d samples each (ms): GET ?%s", options.rows(),
                options.samples(), PageLatency.QUERY);
        say("  (each page answers total %,d: %s)", results.total(), results.totalExact() ? "exact"
                : "the planner's estimate, at least 10,001");
        say("%-22s %9s %9s %9s", "query", "p50", "p95", "p99");
        latency("first page   REST", results.restFirst());
        latency("first page   JDBC", results.jdbcFirst());
        latency("keyset next  REST", results.restNext());
        latency("keyset next  JDBC", results.jdbcNext());
        say("REST/JDBC: first page p50 %.2f, p95 %.2f; keyset next page p50 %.2f, p95 %.2f",
                results.restFirst().p50() / results.jdbcFirst().p50(), results.restFirst().p95() / results.jdbcFirst().p95(),
                results.restNext().p50() / results.jdbcNext().p50(), results.restNext().p95() / results.jdbcNext().p95());
    }

    private static Figure progress(Figure figure) {
        say("  %-11s %2d clients: REST %10.1f/s  JDBC %10.1f/s", figure.operation(), figure.clients(), figure.rest(),
                figure.jdbc());
        return figure;
    }

    private static void latency(String label, PageLatency.Latency latency) {
        say("%-22s %9.2f %9.2f %9.2f", label, latency.p50(), latency.p95(), latency.p99());
    }

    private static String postgresVersion() throws Exception {
        try (Connection connection = BenchDatabase.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            return "PostgreSQL " + row.getString(1);
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
