package io.plinth.kernel.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;

/** Makes {@link Settings} injectable over the application's MicroProfile Config. */
@ApplicationScoped
public class SettingsProducer {

    @Produces
    Settings settings(Config config) {
        return new Settings(config);
    }
}
