package io.plinth.viewservice.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.kernel.logs.LogBatch;
import io.plinth.kernel.logs.LogEntry;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The log store and its searches on a throw-away PostgreSQL database (127.0.0.1:5432, user
 * postgres) migrated with view-service's changelog.
 */
class LogStoreTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String NAME = "view_logs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final Instant NOW = Instant.now();
    private static PGSimpleDataSource dataSource;
    private final LogRecordStore store = new LogRecordStore();
    private final LogSearch search = new LogSearch();

    @BeforeAll
    static void createDatabase() throws Exception {
        execute(SERVER + "postgres", "CREATE DATABASE " + NAME);
        execute(SERVER + NAME, "CREATE SCHEMA view_service", "CREATE SCHEMA maintenance");
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(SERVER + NAME);
        dataSource.setUser("postgres");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName("view_service");
            database.setLiquibaseSchemaName("view_service");
            Scope.child(Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(LogStoreTest.class.getClassLoader()),
                    "liquibase.analytics.enabled", false,
                    "liquibase.showBanner", false), () -> new CommandScope("update")
                    .addArgumentValue("database", database)
                    .addArgumentValue("changelogFile", "db/changelog.xml")
                    .execute());
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute(SERVER + "postgres", "DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }

    @BeforeEach
    void emptyStore() throws SQLException {
        store.dataSource = dataSource;
        search.dataSource = dataSource;
        execute(SERVER + NAME, "DELETE FROM maintenance.log_record", "DELETE FROM maintenance.log_batch");
    }

    @Test
    void aBatchSentTwiceIsStoredOnce() throws Exception {
        UUID id = UUID.randomUUID();
        LogBatch batch = batch("catalogs", entry(NOW, "info", "io.plinth.catalogs.A", "one", null, null),
                entry(NOW, "warning", "io.plinth.catalogs.A", "two", null, null));

        assertThat(store.save(id, batch)).isTrue();
        assertThat(store.save(id, batch)).isFalse();

        assertThat(count("SELECT count(*) FROM maintenance.log_record")).isEqualTo(2);
    }

    @Test
    void everyFieldIsStoredAndShown() throws Exception {
        LogEntry full = new LogEntry(NOW, "error", "io.plinth.catalogs.A", "failed", "worker-1",
                "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "req-1", "ada", "java.io.IOException", "disk",
                "java.io.IOException: disk\n\tat x");
        store.save(UUID.randomUUID(), batch("catalogs", full));

        LogRecordView view = find(filter(null, null, null, null, null, null, null)).items().get(0);

        assertThat(view.service()).isEqualTo("catalogs");
        assertThat(view.instance()).isEqualTo("host-1");
        // PostgreSQL keeps microseconds, rounded.
        assertThat(Duration.between(view.time().toInstant(), NOW).abs()).isLessThanOrEqualTo(Duration.ofNanos(1000));
        assertThat(List.of(view.level(), view.logger(), view.message(), view.thread(), view.traceId(), view.spanId(),
                view.requestId(), view.user(), view.exceptionClass(), view.exceptionMessage(), view.stackTrace()))
                .containsExactly("error", "io.plinth.catalogs.A", "failed", "worker-1", "0af7651916cd43dd8448eb211c80319c",
                        "b7ad6b7169203331", "req-1", "ada", "java.io.IOException", "disk", "java.io.IOException: disk\n\tat x");
    }

    @Test
    void filtersCombineAndNewestComesFirst() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        store.save(UUID.randomUUID(), batch("catalogs",
                entry(NOW.minusSeconds(30), "debug", "io.plinth.catalogs.registry.Catalogs", "Created Catalog orders", trace, "ada"),
                entry(NOW.minusSeconds(20), "warning", "io.plinth.catalogsx.Other", "Slow catalog", null, null),
                entry(NOW.minusSeconds(10), "error", "io.plinth.catalogs.registry.Catalogs", "catalog broken", trace, "bob")));
        store.save(UUID.randomUUID(), batch("identity",
                entry(NOW.minusSeconds(5), "info", "io.plinth.identity.auth.SignIn", "Signed in: ada", null, "ada")));

        assertThat(messages(filter(null, null, null, null, null, null, null)))
                .containsExactly("Signed in: ada", "catalog broken", "Slow catalog", "Created Catalog orders");
        assertThat(messages(filter("catalogs", "warning", null, null, null, null, null)))
                .containsExactly("catalog broken", "Slow catalog");
        assertThat(messages(filter(null, null, "CATALOG", null, null, null, null)))
                .containsExactly("catalog broken", "Slow catalog", "Created Catalog orders");
        assertThat(messages(filter(null, null, null, trace, null, null, null)))
                .containsExactly("catalog broken", "Created Catalog orders");
        assertThat(messages(filter(null, null, null, null, "io.plinth.catalogs", null, null)))
                .containsExactly("catalog broken", "Created Catalog orders");
        assertThat(messages(filter(null, null, null, null, null, "ada", null)))
                .containsExactly("Signed in: ada", "Created Catalog orders");
        assertThat(messages(LogFilter.of(null, null, NOW.minusSeconds(25).toString(), NOW.minusSeconds(10).toString(),
                null, null, null, null, null))).containsExactly("Slow catalog");
        assertThat(messages(filter(null, null, "'; DROP TABLE maintenance.log_record; --", null, null, null, null))).isEmpty();
        assertThat(count("SELECT count(*) FROM maintenance.log_record")).isEqualTo(4);
    }

    @Test
    void pagesShareOneTotal() throws Exception {
        for (int i = 0; i < 5; i++) {
            store.save(UUID.randomUUID(), batch("catalogs", entry(NOW.minusSeconds(i), "info", "io.plinth.x", "m" + i, null, null)));
        }

        Page<LogRecordView> second = search.find(filter(null, null, null, null, null, null, null), PageRequest.of(2, 2));

        assertThat(second.total()).isEqualTo(5);
        assertThat(second.items()).extracting(LogRecordView::message).containsExactly("m2", "m3");
    }

    @Test
    void retentionDeletesOnlyOldRecords() throws Exception {
        store.save(UUID.randomUUID(), batch("catalogs",
                entry(NOW.minus(Duration.ofDays(20)), "info", "io.plinth.x", "old", null, null),
                entry(NOW.minus(Duration.ofDays(15)), "info", "io.plinth.x", "older than 14 days", null, null),
                entry(NOW.minus(Duration.ofDays(1)), "info", "io.plinth.x", "recent", null, null)));

        assertThat(store.deleteOlderThan(NOW.minus(Duration.ofDays(14)))).isEqualTo(2);

        assertThat(messages(filter(null, null, null, null, null, null, null))).containsExactly("recent");
    }

    private List<String> messages(LogFilter filter) {
        return find(filter).items().stream().map(LogRecordView::message).toList();
    }

    private Page<LogRecordView> find(LogFilter filter) {
        return search.find(filter, PageRequest.of(0, 50));
    }

    private static LogFilter filter(String service, String level, String text, String traceId, String logger,
                                    String user, String requestId) {
        return LogFilter.of(service, level, null, null, text, traceId, logger, user, requestId);
    }

    private static LogBatch batch(String service, LogEntry... entries) {
        return new LogBatch(service, "host-1", List.of(entries), 0);
    }

    private static LogEntry entry(Instant time, String level, String logger, String message, String traceId, String user) {
        return new LogEntry(time, level, logger, message, "main", traceId, null, null, user, null, null, null);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String url, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
