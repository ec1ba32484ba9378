package io.plinth.kernel.bus;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The service's one AMQP connection. The first connect is retried in the background, so a
 * broker that is down at startup delays the bus instead of failing the service; after that the
 * client's automatic recovery restores the connection, its channels, queues and consumers.
 */
@ApplicationScoped
public class BrokerConnection {

    private static final Logger LOG = Logger.getLogger(BrokerConnection.class.getName());

    @Inject
    Settings settings;

    @Inject
    ServiceIdentity identity;

    @Inject
    ManagedThreads threads;

    private final List<Consumer<Connection>> onConnect = new CopyOnWriteArrayList<>();
    private volatile Connection connection;
    private volatile boolean closing;
    private ExecutorService consumerPool;
    private Thread connector;

    /** Starts connecting; {@code listener} runs once with the connection when it is first established. */
    public synchronized void start(Consumer<Connection> listener) {
        onConnect.add(listener);
        if (connection != null) {
            listener.accept(connection);
            return;
        }
        if (connector == null) {
            connector = threads.named(identity.name() + "-amqp-connect").newThread(this::connectUntilDone);
            connector.start();
        }
    }

    private void connectUntilDone() {
        ConnectionFactory factory = factory();
        consumerPool = threads.pool(identity.name() + "-bus", 4);
        long backoff = 500;
        while (!closing) {
            try {
                Connection established = factory.newConnection(consumerPool, identity.name() + "@" + identity.instance());
                synchronized (this) {
                    connection = established;
                }
                LOG.info(() -> "Connected to the message broker at " + describe());
                onConnect.forEach(listener -> listener.accept(established));
                return;
            } catch (IOException | TimeoutException e) {
                LOG.log(Level.WARNING, "Message broker at " + describe() + " not reachable, retrying: " + e);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.text("plinth.amqp.host"));
        factory.setPort(settings.port("plinth.amqp.port"));
        factory.setUsername(settings.text("plinth.amqp.username"));
        factory.setPassword(settings.text("plinth.amqp.password"));
        factory.setVirtualHost(settings.text("plinth.amqp.vhost"));
        factory.setConnectionTimeout(3000);
        factory.setRequestedHeartbeat(10);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(2000);
        factory.setThreadFactory(threads.named(identity.name() + "-amqp"));
        return factory;
    }

    /** A new channel, or an exception when the broker is not connected right now. */
    public Channel openChannel() throws IOException {
        Connection current = connection;
        if (current == null || !current.isOpen()) {
            throw new IOException("not connected to the message broker at " + describe());
        }
        return current.createChannel();
    }

    public boolean connected() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    public String describe() {
        return settings.text("plinth.amqp.host") + ":" + settings.text("plinth.amqp.port")
                + " vhost " + settings.text("plinth.amqp.vhost");
    }

    @PreDestroy
    synchronized void close() {
        closing = true;
        if (connector != null) {
            connector.interrupt();
        }
        if (connection != null) {
            try {
                connection.close(2000);
            } catch (Exception e) {
                connection.abort(1000);
            }
        }
        if (consumerPool != null) {
            consumerPool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
