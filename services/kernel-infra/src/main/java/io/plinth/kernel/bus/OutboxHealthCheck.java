package io.plinth.kernel.bus;

import io.plinth.kernel.config.Settings;
import io.plinth.kernel.health.Checks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Events leave the outbox: DOWN when the oldest unsent event is older than {@code plinth.bus.outbox-alarm}. */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    Settings settings;

    @Override
    public HealthCheckResponse call() {
        long alarmSeconds = settings.duration("plinth.bus.outbox-alarm").toSeconds();
        return Checks.probe("outbox", () -> {
            long[] backlog = relay.backlog();
            return HealthCheckResponse.named("outbox")
                    .status(backlog[1] <= alarmSeconds)
                    .withData("pending", backlog[0])
                    .withData("oldestSeconds", backlog[1]);
        });
    }
}
