package io.plinth.systemtests.support;

import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What one test run owns on the shared servers: a database, a RabbitMQ vhost and a Redis key
 * prefix, all named after the run and removed at the end. The services reach PostgreSQL and
 * RabbitMQ through proxies the tests can cut to simulate an outage.
 */
public final class TestInfrastructure implements AutoCloseable {

    public static final String PG_HOST = env("PLINTH_IT_PG_HOST", "127.0.0.1");
    public static final int PG_PORT = Integer.parseInt(env("PLINTH_IT_PG_PORT", "5432"));
    public static final String PG_USER = env("PLINTH_IT_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("PLINTH_IT_PG_PASSWORD", "");
    public static final String AMQP_HOST = env("PLINTH_IT_AMQP_HOST", "127.0.0.1");
    public static final int AMQP_PORT = Integer.parseInt(env("PLINTH_IT_AMQP_PORT", "5672"));

    public final String runId = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public final String database = "plinth_" + runId;
    public final String vhost = "plinth-" + runId;
    public final String redisPrefix = "plinth-" + runId + ":";
    public final String adminLogin = "admin";
    public final String adminPassword = "It-" + java.util.UUID.randomUUID();
    public final TcpProxy postgres;
    public final TcpProxy broker;

    public TestInfrastructure() throws Exception {
        execute("postgres", "CREATE DATABASE \"" + database + "\"");
        rabbitmqctl("add_vhost", vhost);
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        postgres = new TcpProxy(PG_HOST, PG_PORT);
        broker = new TcpProxy(AMQP_HOST, AMQP_PORT);
    }

    /** The settings that point the platform at this run's resources (through the proxies). */
    public Map<String, String> platformEnvironment() {
        return Map.ofEntries(
                Map.entry("PLINTH_DB_HOST", "127.0.0.1"),
                Map.entry("PLINTH_DB_PORT", String.valueOf(postgres.port())),
                Map.entry("PLINTH_DB_NAME", database),
                Map.entry("PLINTH_DB_USER", PG_USER),
                Map.entry("PLINTH_DB_PASSWORD", PG_PASSWORD),
                Map.entry("PLINTH_AMQP_HOST", "127.0.0.1"),
                Map.entry("PLINTH_AMQP_PORT", String.valueOf(broker.port())),
                Map.entry("PLINTH_AMQP_VHOST", vhost),
                Map.entry("PLINTH_REDIS_KEY_PREFIX", redisPrefix),
                Map.entry("PLINTH_BUS_MAX_ATTEMPTS", "3"),
                Map.entry("PLINTH_BUS_RETRY_BACKOFF", "200ms"),
                Map.entry("PLINTH_ADMIN_LOGIN", adminLogin),
                Map.entry("PLINTH_ADMIN_PASSWORD", adminPassword),
                // The tests sign in far more often than people do, all from one address.
                Map.entry("PLINTH_IDENTITY_LOGIN_RATE_PER_MINUTE", "100000"),
                Map.entry("PLINTH_LOG_FORMAT", "json"));
    }

    /** A connection to this run's database, directly (not through the proxy). */
    public Connection database() throws SQLException {
        return connect(database);
    }

    /** A connection factory for this run's vhost, directly (not through the proxy). */
    public ConnectionFactory amqp() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(AMQP_HOST);
        factory.setPort(AMQP_PORT);
        factory.setVirtualHost(vhost);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    @Override
    public void close() throws Exception {
        postgres.close();
        broker.close();
        execute("postgres", "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        rabbitmqctl("delete_vhost", vhost);
        deleteRedisKeys();
    }

    private void deleteRedisKeys() throws IOException, InterruptedException {
        Process scan = new ProcessBuilder("sh", "-c",
                "redis-cli --scan --pattern '" + redisPrefix + "*' | xargs -r redis-cli del")
                .redirectErrorStream(true).start();
        scan.waitFor(30, TimeUnit.SECONDS);
    }

    private static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name, PG_USER,
                PG_PASSWORD);
    }

    private static void execute(String databaseName, String sql) throws SQLException {
        try (Connection connection = connect(databaseName); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void rabbitmqctl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
