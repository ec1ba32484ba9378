package io.plinth.kernel.bus;

import io.plinth.kernel.config.ServiceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Business metrics of the bus, in the application scope of {@code /metrics}. Tagged with the
 * service, because in the all-in-one server every service shares one registry.
 */
@ApplicationScoped
public class BusMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    ServiceIdentity identity;

    public void published(int count) {
        if (count > 0) {
            registry.counter("plinth.bus.published", new Tag("service", identity.name())).inc(count);
        }
    }

    public void consumed(String consumer) {
        counter("plinth.bus.consumed", consumer).inc();
    }

    public void duplicate(String consumer) {
        counter("plinth.bus.duplicates", consumer).inc();
    }

    public void retried(String consumer) {
        counter("plinth.bus.retried", consumer).inc();
    }

    public void deadLettered(String consumer) {
        counter("plinth.bus.dead.lettered", consumer).inc();
    }

    private Counter counter(String name, String consumer) {
        return registry.counter(name, new Tag("service", identity.name()), new Tag("consumer", consumer));
    }
}
