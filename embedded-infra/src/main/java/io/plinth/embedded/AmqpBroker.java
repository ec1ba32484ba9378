package io.plinth.embedded;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An AMQP 0-9-1 broker in this JVM (Apache Qpid Broker-J). Durable queues and persistent messages
 * live in a Derby store in the data folder; the broker's own configuration (port, user guest/guest)
 * is rebuilt from plinth-qpid-config.json on every start, so each run can take a new free port.
 * Unlike RabbitMQ it refuses x-dead-letter-exchange, which the event bus does not use (docs/events.md).
 */
final class AmqpBroker implements EmbeddedServer {

    static final String USERNAME = "guest";
    static final String PASSWORD = "guest";
    /** Clients asking for "/" get the broker's default virtual host. */
    static final String VHOST = "/";

    private final Path dataDirectory;
    private final int port;
    private final SystemLauncher launcher;

    private AmqpBroker(Path dataDirectory, int port, SystemLauncher launcher) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.launcher = launcher;
    }

    static AmqpBroker start(Path dataDirectory, int port) throws Exception {
        Files.createDirectories(dataDirectory);
        // Derby writes derby.log into the working directory unless told otherwise.
        System.setProperty("derby.stream.error.file", dataDirectory.resolve("derby.log").toString());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, "classpath:plinth-qpid-config.json");
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        // Context variables, not attributes: the broker resolves ${qpid.work_dir} in its config from them.
        attributes.put(SystemConfig.CONTEXT, Map.of(
                SystemConfig.QPID_WORK_DIR, dataDirectory.toAbsolutePath().toString(),
                "plinth.amqp.port", Integer.toString(port)));
        SystemLauncher launcher = new SystemLauncher();
        launcher.startup(attributes);
        return new AmqpBroker(dataDirectory, port, launcher);
    }

    @Override
    public String name() {
        return "AMQP broker (Qpid Broker-J)";
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
        return Map.of(
                "PLINTH_AMQP_HOST", Ports.LOOPBACK,
                "PLINTH_AMQP_PORT", Integer.toString(port),
                "PLINTH_AMQP_USERNAME", USERNAME,
                "PLINTH_AMQP_PASSWORD", PASSWORD,
                "PLINTH_AMQP_VHOST", VHOST);
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
