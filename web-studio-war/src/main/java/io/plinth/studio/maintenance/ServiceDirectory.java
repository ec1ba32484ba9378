package io.plinth.studio.maintenance;

import io.plinth.kernel.config.InvalidConfigurationException;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;

/**
 * The platform's services and their base URLs, from {@code plinth.services.<name>.url}. Read at
 * startup, so a missing or invalid URL stops the deployment with a message naming the key.
 */
@ApplicationScoped
public class ServiceDirectory {

    /** Every service but web-studio itself, in the order of the platform's port table. */
    static final List<String> NAMES = List.of("catalogs", "data-flow", "file-storage", "identity",
            "notification", "scheduler", "template-service", "view-service", "workflow", "web-workplace");

    @Inject
    Settings settings;

    private List<PlatformService> services;

    @PostConstruct
    void read() {
        services = NAMES.stream().map(this::service).toList();
    }

    /** Creating the bean at startup is the point: configuration errors surface now, not on first use. */
    void validateAtStartup(@Observes Startup startup) {
        // Observing the event is enough: CDI creates the bean to deliver it, and read() validates.
    }

    public List<PlatformService> services() {
        return services;
    }

    private PlatformService service(String name) {
        String key = "plinth.services." + name + ".url";
        URI url = settings.uri(key);
        if (!url.getScheme().equals("http") && !url.getScheme().equals("https")) {
            throw new InvalidConfigurationException(key, "must be an http or https URL, was '" + url + "'");
        }
        return new PlatformService(name, url);
    }
}
