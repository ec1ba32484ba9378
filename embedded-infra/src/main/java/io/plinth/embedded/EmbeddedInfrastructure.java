package io.plinth.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Zero-install local run: starts an embedded PostgreSQL, Redis and AMQP broker for each one the
 * platform has not been given, writes their PLINTH_* variables to an env file for ./plinth to
 * source, and runs until stopped (SIGTERM or Ctrl-C stop the embedded servers cleanly).
 *
 * <pre>
 * java -jar embedded-infra.jar [--embedded | --external] [--data DIR] [--env-file FILE]
 * </pre>
 */
public final class EmbeddedInfrastructure {

    private final List<EmbeddedServer> started = new ArrayList<>();

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("embedded-infra: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        // Qpid, Derby and zonky report their routine progress at INFO; only problems are worth showing.
        Logger.getLogger("").setLevel(Level.WARNING);
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infrastructure.stop(options.envFile());
            stopped.countDown();
        }, "embedded-infra-stop"));
        try {
            infrastructure.start(options);
        } catch (Exception e) {
            System.err.println("embedded-infra: could not start: " + e);
            System.exit(1);
            return;
        }
        if (infrastructure.started.isEmpty()) {
            return;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void start(Options options) throws Exception {
        Files.deleteIfExists(options.envFile());
        System.out.println("Plinth infrastructure:");
        Map<String, String> environment = new LinkedHashMap<>();
        for (Infrastructure server : Infrastructure.values()) {
            String external = server.externalReason(options.mode(), System.getenv(), Ports::answers);
            if (external != null) {
                System.out.printf("  %-28s external (%s)%n", server.label, external);
                continue;
            }
            EmbeddedServer embedded = startEmbedded(server, options.dataDirectory());
            started.add(embedded);
            environment.putAll(embedded.environment());
            System.out.printf("  %-28s embedded on %s:%d, data in %s%n", embedded.name(), Ports.LOOPBACK,
                    embedded.port(), embedded.dataDirectory().toAbsolutePath().normalize());
        }
        EnvironmentFile.write(options.envFile(), environment);
    }

    private static EmbeddedServer startEmbedded(Infrastructure server, Path data) throws Exception {
        return switch (server) {
            case POSTGRES -> PostgresServer.start(data.resolve("postgres"), Ports.free());
            case REDIS -> RedisStore.start(data.resolve("redis"), Ports.free());
            case AMQP -> AmqpBroker.start(data.resolve("amqp"), Ports.free());
        };
    }

    /** Stops in reverse order of start; each failure is reported and the rest still stop. */
    private synchronized void stop(Path envFile) {
        if (started.isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(envFile);
        } catch (IOException e) {
            System.err.println("embedded-infra: could not remove " + envFile + ": " + e);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            EmbeddedServer server = started.get(i);
            try {
                server.close();
                System.out.println("Stopped the embedded " + server.name());
            } catch (RuntimeException e) {
                System.err.println("embedded-infra: stopping " + server.name() + " failed: " + e);
            }
        }
        started.clear();
    }

    /** The command line: which servers to embed, where their data lives, where the env file goes. */
    record Options(Infrastructure.Mode mode, Path dataDirectory, Path envFile) {

        static final String USAGE = "usage: embedded-infra [--embedded | --external] [--data DIR] [--env-file FILE]";

        static Options parse(String[] args) {
            Infrastructure.Mode mode = Infrastructure.Mode.AUTO;
            Path data = Path.of("var");
            Path envFile = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--embedded" -> mode = Infrastructure.Mode.EMBEDDED;
                    case "--external" -> mode = Infrastructure.Mode.EXTERNAL;
                    case "--data" -> data = Path.of(value(args, ++i, "--data"));
                    case "--env-file" -> envFile = Path.of(value(args, ++i, "--env-file"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(mode, data, envFile != null ? envFile : data.resolve("run").resolve("infra.env"));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
