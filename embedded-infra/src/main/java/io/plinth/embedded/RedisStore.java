package io.plinth.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import redis.embedded.RedisServer;

/** Real Redis binaries (codemonstur embedded-redis) with an append-only file in the data folder. */
final class RedisStore implements EmbeddedServer {

    private final Path dataDirectory;
    private final int port;
    private final RedisServer redis;

    private RedisStore(Path dataDirectory, int port, RedisServer redis) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.redis = redis;
    }

    static RedisStore start(Path dataDirectory, int port) throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        StaleServer.stopIfRunning(pidFile(dataDirectory), "redis-server", "TERM");
        RedisServer redis = RedisServer.newRedisServer()
                .bind(Ports.LOOPBACK)
                .port(port)
                .setting("dir " + dataDirectory.toAbsolutePath())
                .setting("pidfile " + pidFile(dataDirectory).toAbsolutePath())
                .setting("appendonly yes")
                .setting("protected-mode yes")
                .build();
        redis.start();
        return new RedisStore(dataDirectory, port, redis);
    }

    static Path pidFile(Path dataDirectory) {
        return dataDirectory.resolve("redis.pid");
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("PLINTH_REDIS_HOST", Ports.LOOPBACK, "PLINTH_REDIS_PORT", Integer.toString(port));
    }

    @Override
    public void close() {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Stopping the embedded Redis failed", e);
        }
    }
}
