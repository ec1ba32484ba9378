package io.plinth.kernel.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestContextTest {

    @AfterEach
    void clear() {
        RequestContext.end();
    }

    @Test
    void keepsAWellFormedCallerIdAndReplacesAHostileOne() {
        assertThat(RequestContext.begin("abc-123", null)).isEqualTo("abc-123");
        assertThat(RequestContext.begin("evil\nInjected: header", null)).doesNotContain("\n").hasSize(36);
        assertThat(RequestContext.begin("x".repeat(65), null)).hasSize(36);
    }

    @Test
    void readsTheTraceIdOfAW3cTraceparent() {
        assertThat(RequestContext.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(RequestContext.traceIdOf("garbage")).isNull();
        assertThat(RequestContext.traceIdOf(null)).isNull();
    }

    @Test
    void endClearsTheThread() {
        RequestContext.begin("abc", "trace");
        RequestContext.end();
        assertThat(RequestContext.requestId()).isNull();
    }
}
