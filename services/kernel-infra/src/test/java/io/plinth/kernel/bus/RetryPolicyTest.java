package io.plinth.kernel.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3));

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayAfter(60)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void exhaustedAfterMaxAttempts() {
        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
    }

    @Test
    void routingKeysFollowServiceEntityVerb() {
        assertThat(Topology.validRoutingKey("view-service.app.created")).isTrue();
        assertThat(Topology.validRoutingKey("view-service.app")).isFalse();
        assertThat(Topology.validRoutingKey("View.app.created")).isFalse();
        assertThat(Topology.validRoutingKey("a.b.c.d")).isFalse();
    }
}
