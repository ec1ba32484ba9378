package io.plinth.kernel.logs;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.plinth.kernel.bus.BrokerConnection;
import io.plinth.kernel.bus.Topology;
import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this instance's log levels as view-service stores them, without a restart.
 *
 * <p>Each instance has its own exclusive, auto-deleted queue bound to the change event
 * {@code view-service.log-level.changed} on the event exchange: every running instance hears
 * every change at once (a durable per-service queue would hand each change to one instance only).
 * At start, after a reconnect and every {@code plinth.logs.level-refresh}, the instance asks
 * view-service for its current levels: a request on the durable queue
 * {@code plinth.logs.level-requests} that names this queue as reply-to. That needs no token, no
 * address of view-service and no other protocol, works while view-service is still starting (the
 * request waits in its queue), and the periodic request heals a change missed while
 * disconnected. Levels carry a version, so a late reply never undoes a newer change.
 */
@ApplicationScoped
public class LiveLogLevels {

    private static final Logger LOG = Logger.getLogger(LiveLogLevels.class.getName());
    /** How often loggers created since the last change get the levels too. */
    private static final Duration REAPPLY = Duration.ofSeconds(5);

    @Inject
    BrokerConnection broker;

    @Inject
    ServiceIdentity identity;

    @Inject
    Settings settings;

    @Inject
    ManagedThreads threads;

    @Inject
    LogShipping shipping;

    private final Set<String> touched = new HashSet<>();
    private ScheduledExecutorService scheduler;
    private Duration refresh;
    private String queue;
    private volatile Connection connection;
    private volatile Channel channel;

    void start(@Observes @Priority(LogShipping.STARTUP_PRIORITY + 1) Startup startup) {
        refresh = settings.duration("plinth.logs.level-refresh");
        queue = queueName(identity.name(), shipping.instance());
        scheduler = threads.scheduler(identity.name() + "-log-levels");
        scheduler.scheduleWithFixedDelay(this::reapply, REAPPLY.toMillis(), REAPPLY.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
        broker.start(established -> {
            connection = established;
            if (established instanceof Recoverable recoverable) {
                recoverable.addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable recovered) {
                        scheduler.execute(LiveLogLevels.this::request);
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable recovering) {
                        // Levels stay as they are while the connection is away.
                    }
                });
            }
            subscribe();
        });
    }

    /** {@code plinth.logs.levels.<service>.<instance>}, with only characters every broker accepts. */
    static String queueName(String service, String instance) {
        String name = "plinth.logs.levels." + service + "." + instance.replaceAll("[^A-Za-z0-9._-]", "-");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private synchronized void subscribe() {
        try {
            Channel opened = connection.createChannel();
            Topology.declareExchanges(opened);
            LogTopology.declare(opened);
            opened.queueDeclare(queue, false, true, true, null);
            opened.queueBind(queue, Topology.EXCHANGE, LogTopology.LEVEL_CHANGED);
            opened.basicConsume(queue, true, new DefaultConsumer(opened) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    try {
                        received(body);
                    } catch (RuntimeException e) {
                        // A consumer that throws loses its channel: keep listening.
                        LOG.log(Level.WARNING, "Could not apply log levels", e);
                    }
                }
            });
            channel = opened;
            request();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot listen for log level changes yet, retrying: " + e);
        }
    }

    /** Asks view-service for this service's levels; the answer comes to this instance's queue. */
    private void request() {
        Channel current = channel;
        if (current == null || !current.isOpen()) {
            return;
        }
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .replyTo(queue)
                .appId(identity.name())
                .contentType("application/json")
                .expiration(Long.toString(refresh.toMillis()))
                .build();
        byte[] body = Json.createObjectBuilder().add("service", identity.name()).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (current) {
                current.basicPublish("", LogTopology.LEVEL_REQUESTS, properties, body);
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Could not ask for the log levels: " + e);
        }
    }

    private void refresh() {
        Channel current = channel;
        if (connection != null && (current == null || !current.isOpen())) {
            subscribe();
        } else {
            request();
        }
    }

    /** A change event (an event envelope) or a reply to a request (the levels themselves). */
    private void received(byte[] body) {
        JsonObject levels;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonObject message = reader.readObject();
            levels = message.get("data") instanceof JsonObject data ? data : message;
        } catch (JsonException | ClassCastException e) {
            LOG.warning(() -> "Ignored a log level message that is not JSON: " + e.getMessage());
            return;
        }
        if (identity.name().equals(levels.getString("service", null))) {
            apply(LogLevelConfig.fromJson(levels));
        }
    }

    synchronized void apply(LogLevelConfig levels) {
        ShippingHandler handler = shipping.handler();
        if (handler == null || levels.version() <= handler.levels().version()) {
            return;
        }
        boolean changed = handler.levels().configured() || levels.configured();
        handler.levels(levels);
        shipping.cover(levels.loggers().keySet());
        if (changed) {
            JulLevels.reconcile(platformLoggers(), scopes(levels), touched);
            LOG.info(() -> "Log levels of " + identity.name() + " are now " + levels.toJson(identity.name()));
        }
    }

    /** Loggers created since the last change start at the server's level: give them theirs. */
    private synchronized void reapply() {
        ShippingHandler handler = shipping.handler();
        try {
            if (handler != null && (handler.levels().configured() || !touched.isEmpty())) {
                JulLevels.reconcile(platformLoggers(), scopes(handler.levels()), touched);
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again.
            LOG.log(Level.WARNING, "Could not apply log levels to new loggers", e);
        }
    }

    /** The {@code io.plinth} logger, where every application of the JVM has its handler. */
    private static Logger platformLoggers() {
        return Logger.getLogger(LogLevelConfig.PLATFORM_LOGGERS);
    }

    private static List<String> scopes(LogLevelConfig levels) {
        List<String> scopes = new ArrayList<>(levels.loggers().keySet());
        scopes.add(LogLevelConfig.PLATFORM_LOGGERS);
        return scopes;
    }

    void stop(@Observes Shutdown shutdown) {
        close();
    }

    /**
     * Leaves the shared loggers as the other applications of the JVM want them, or as the server
     * configured them: this application's handler goes first, so its wishes no longer count.
     */
    @PreDestroy
    synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        scheduler = null;
        shipping.detach();
        if (!touched.isEmpty()) {
            JulLevels.reconcile(platformLoggers(), List.of(), touched);
        }
        Channel current = channel;
        channel = null;
        try {
            if (current != null && current.isOpen()) {
                current.close();
            }
        } catch (Exception ignored) {
            // The exclusive queue goes with the connection anyway.
        }
    }
}
