package io.plinth.kernel.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import io.plinth.kernel.db.ServiceSchemas;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Moves committed events from the outbox to the broker. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} (so replicas share the work), published as persistent messages
 * with publisher confirms, and marked published only once the broker has confirmed them. If the
 * broker is unreachable the rows simply stay and go out when it is back: nothing is lost, and a
 * message confirmed but not yet marked is sent again, which consumers deduplicate by message id.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final int STARTUP_PRIORITY = 50;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 100;

    @Inject
    DataSource dataSource;

    @Inject
    ServiceSchemas schemas;

    @Inject
    ServiceIdentity identity;

    @Inject
    Settings settings;

    @Inject
    BrokerConnection broker;

    @Inject
    ManagedThreads threads;

    @Inject
    BusMetrics metrics;

    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Channel channel;
    private long lastCleanup;
    private boolean failing;

    void start(@Observes @Priority(STARTUP_PRIORITY) Startup startup) {
        Duration interval = settings.duration("plinth.bus.relay-interval");
        Duration retention = settings.duration("plinth.bus.retention");
        running = true;
        broker.start(connection -> wake());
        Callable<Integer> batch = threads.unitOfWork(this::relayBatch);
        Callable<Void> tidy = threads.unitOfWork(() -> {
            cleanup(retention);
            return null;
        });
        worker = threads.named(identity.name() + "-outbox-relay").newThread(() -> loop(interval, batch, tidy));
        worker.start();
    }

    /** Called after a commit that wrote events: relay now rather than at the next poll. */
    public void wake() {
        signal.release();
    }

    /** {@code batch} and {@code tidy} are units of work: each run gives its connection back. */
    private void loop(Duration interval, Callable<Integer> batch, Callable<Void> tidy) {
        while (running) {
            try {
                signal.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
                while (running && broker.connected() && batch.call() == BATCH) {
                    // A full batch: there may be more waiting.
                }
                tidy.call();
                if (failing) {
                    failing = false;
                    LOG.info("Outbox relay recovered");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, "Outbox relay cannot send events and keeps retrying: " + e);
                }
                closeChannel();
            }
        }
    }

    private int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<UUID> sent = publishPending(connection);
                if (!sent.isEmpty()) {
                    markPublished(connection, sent);
                }
                connection.commit();
                metrics.published(sent.size());
                return sent.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<UUID> publishPending(Connection connection) throws Exception {
        String sql = "SELECT id, routing_key, payload::text, traceparent, created_at FROM " + schemas.table("outbox_event")
                + " WHERE published_at IS NULL ORDER BY created_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            Channel out = null;
            while (rows.next()) {
                if (out == null) {
                    out = channel();
                }
                UUID id = rows.getObject(1, UUID.class);
                Map<String, Object> headers = new HashMap<>();
                if (rows.getString(4) != null) {
                    headers.put(Topology.TRACEPARENT_HEADER, rows.getString(4));
                }
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .messageId(id.toString())
                        .type(rows.getString(2))
                        .appId(identity.name())
                        .contentType("application/json")
                        .deliveryMode(2)
                        .timestamp(new Date(rows.getTimestamp(5).getTime()))
                        .headers(headers)
                        .build();
                out.basicPublish(Topology.EXCHANGE, rows.getString(2), properties,
                        rows.getString(3).getBytes(StandardCharsets.UTF_8));
                ids.add(id);
            }
            if (out != null) {
                out.waitForConfirmsOrDie(10_000);
            }
        }
        return ids;
    }

    private void markPublished(Connection connection, List<UUID> ids) throws SQLException {
        String sql = "UPDATE " + schemas.table("outbox_event") + " SET published_at = now(), attempts = attempts + 1"
                + " WHERE id = ANY(?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            statement.setArray(1, array);
            statement.executeUpdate();
        }
    }

    /** Published events and consumed-message ids are kept for the retention period, then dropped. */
    private void cleanup(Duration retention) throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastCleanup < Duration.ofMinutes(10).toMillis()) {
            return;
        }
        lastCleanup = now;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement outbox = connection.prepareStatement("DELETE FROM " + schemas.table("outbox_event")
                     + " WHERE published_at < now() - make_interval(secs => ?)");
             PreparedStatement inbox = connection.prepareStatement("DELETE FROM " + schemas.table("inbox_message")
                     + " WHERE received_at < now() - make_interval(secs => ?)")) {
            outbox.setLong(1, retention.toSeconds());
            outbox.executeUpdate();
            inbox.setLong(1, retention.toSeconds());
            inbox.executeUpdate();
        }
    }

    private Channel channel() throws Exception {
        if (channel == null || !channel.isOpen()) {
            channel = broker.openChannel();
            Topology.declareExchanges(channel);
            channel.confirmSelect();
        }
        return channel;
    }

    private void closeChannel() {
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } catch (Exception ignored) {
            // The channel is gone with the connection; a new one is opened on the next batch.
        }
        channel = null;
    }

    /** Events written but not yet confirmed by the broker, and the age of the oldest in seconds. */
    public long[] backlog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint FROM "
                             + schemas.table("outbox_event") + " WHERE published_at IS NULL");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
        closeChannel();
    }
}
