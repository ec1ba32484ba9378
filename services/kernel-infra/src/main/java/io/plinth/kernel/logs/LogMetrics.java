package io.plinth.kernel.logs;

import io.plinth.kernel.config.ServiceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * {@code plinth_logs_shipped_total} and {@code plinth_logs_dropped_total} (records lost because
 * the buffer was full), tagged with the service. Only the sender thread counts, never the thread
 * that logs.
 */
@ApplicationScoped
public class LogMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    ServiceIdentity identity;

    void shipped(long records) {
        if (records > 0) {
            registry.counter("plinth.logs.shipped", new Tag("service", identity.name())).inc(records);
        }
    }

    void dropped(long records) {
        if (records > 0) {
            registry.counter("plinth.logs.dropped", new Tag("service", identity.name())).inc(records);
        }
    }
}
