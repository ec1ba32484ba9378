package io.plinth.kernel.bus;

import java.time.Duration;

/** How often a failing delivery is tried, and how long to wait before each retry (doubling, capped). */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {

    public boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }

    public Duration delayAfter(int attempt) {
        long millis = backoff.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
