package io.plinth.studio.maintenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Web-studio is ready once it knows where the services are. It deliberately does not call them:
 * the studio must stay ready, and show which one is down, when one of them is.
 */
@Readiness
@ApplicationScoped
public class ServiceDirectoryHealthCheck implements HealthCheck {

    @Inject
    ServiceDirectory directory;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("service-directory")
                .up()
                .withData("services", directory.services().size())
                .build();
    }
}
