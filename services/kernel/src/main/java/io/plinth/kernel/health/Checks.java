package io.plinth.kernel.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** Helpers for dependency checks: time a probe and turn its failure into a DOWN with the reason. */
public final class Checks {

    private Checks() {
    }

    public static HealthCheckResponse probe(String name, Callable<HealthCheckResponseBuilder> probe) {
        long start = System.nanoTime();
        try {
            return probe.call()
                    .withData("latencyMs", Duration.ofNanos(System.nanoTime() - start).toMillis())
                    .build();
        } catch (Exception e) {
            return HealthCheckResponse.named(name)
                    .down()
                    .withData("error", rootMessage(e))
                    .build();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
