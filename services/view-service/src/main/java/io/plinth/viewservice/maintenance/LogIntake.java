package io.plinth.viewservice.maintenance;

import io.plinth.kernel.bus.BrokerConnection;
import io.plinth.kernel.bus.PoisonMessageException;
import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.logs.LogBatch;
import io.plinth.kernel.logs.LogTopology;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Consumes {@code plinth.logs}: every service's log batches go into the store, acknowledged only
 * once committed. Counts {@code plinth_logs_stored_total} (tagged with the {@code source} service)
 * and {@code plinth_logs_rejected_total} (records or messages that were not valid and were dropped).
 */
@ApplicationScoped
public class LogIntake {

    /** After the schema migrations (10): the tables exist. */
    static final int STARTUP_PRIORITY = 60;
    private static final int PREFETCH = 8;

    @Inject
    BrokerConnection broker;

    @Inject
    LogRecordStore store;

    @Inject
    ManagedThreads threads;

    @Inject
    ServiceIdentity identity;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private ScheduledExecutorService retries;
    private QueueSubscription subscription;

    void start(@Observes @Priority(STARTUP_PRIORITY) Startup startup) {
        retries = threads.scheduler(identity.name() + "-log-intake");
        subscription = new QueueSubscription(LogTopology.QUEUE, PREFETCH,
                (properties, body, channel) -> store(properties.getMessageId(), body), retries);
        broker.start(subscription::subscribe);
    }

    private void store(String messageId, byte[] body) throws SQLException {
        UUID batchId;
        LogBatch batch;
        try {
            batchId = UUID.fromString(messageId);
            batch = LogBatch.fromBytes(body);
        } catch (IllegalArgumentException | NullPointerException e) {
            rejected(1);
            throw new PoisonMessageException("not a log batch: " + e.getMessage());
        }
        try {
            if (store.save(batchId, batch)) {
                metrics.counter("plinth.logs.stored", new Tag("source", batch.service())).inc(batch.entries().size());
            }
            rejected(batch.rejected());
        } catch (SQLException e) {
            // A value PostgreSQL refuses (class 22) or a broken rule (23) fails the same way every time.
            if (e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                rejected(batch.entries().size());
                throw new PoisonMessageException("batch refused by the database: " + e.getMessage());
            }
            throw e;
        }
    }

    private void rejected(long records) {
        if (records > 0) {
            metrics.counter("plinth.logs.rejected").inc(records);
        }
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (retries != null) {
            retries.shutdownNow();
        }
    }
}
