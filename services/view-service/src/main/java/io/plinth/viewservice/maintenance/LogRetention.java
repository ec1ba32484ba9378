package io.plinth.viewservice.maintenance;

import io.plinth.kernel.concurrency.ManagedThreads;
import io.plinth.kernel.config.ServiceIdentity;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Deletes log records older than {@code plinth.logs.retention} (14 days unless set), every hour. */
@ApplicationScoped
public class LogRetention {

    private static final Logger LOG = Logger.getLogger(LogRetention.class.getName());
    private static final Duration EVERY = Duration.ofHours(1);

    @Inject
    Settings settings;

    @Inject
    ServiceIdentity identity;

    @Inject
    ManagedThreads threads;

    @Inject
    LogRecordStore store;

    private ScheduledExecutorService scheduler;

    void start(@Observes @Priority(LogIntake.STARTUP_PRIORITY) Startup startup) {
        Duration retention = settings.duration("plinth.logs.retention");
        String setting = settings.text("plinth.logs.retention");
        scheduler = threads.scheduler(identity.name() + "-log-retention");
        scheduler.scheduleWithFixedDelay(() -> deleteOld(retention, setting), 1, EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    private void deleteOld(Duration retention, String setting) {
        try {
            long deleted = store.deleteOlderThan(Instant.now().minus(retention));
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " log records older than " + setting);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not delete old log records, trying again in an hour: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
