package io.plinth.kernel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JulLevelsTest {

    private final Logger platform = Logger.getLogger("io.plinth");
    private final ShippingHandler ours = new ShippingHandler(new LogBuffer(10), Level.INFO);
    private final Set<String> touched = new HashSet<>();
    // Held strongly: JUL keeps loggers weakly.
    private final Logger relay = Logger.getLogger("io.plinth.jultest.bus.Relay");
    private final Logger registry = Logger.getLogger("io.plinth.jultest.catalogs.Registry");
    private final Logger library = Logger.getLogger("org.jultest.Client");

    @AfterEach
    void cleanUp() {
        platform.removeHandler(ours);
        for (Logger logger : List.of(platform, relay, registry, library)) {
            logger.setLevel(null);
        }
    }

    @Test
    void existingLoggersInScopeGetTheConfiguredLevels() {
        platform.addHandler(ours);
        ours.levels(new LogLevelConfig(Level.FINE, Map.of("org.jultest", Level.FINEST), 1));

        JulLevels.reconcile(platform, List.of("io.plinth", "org.jultest"), touched);

        assertThat(relay.getLevel()).isEqualTo(Level.FINE);
        assertThat(registry.getLevel()).isEqualTo(Level.FINE);
        assertThat(library.getLevel()).isEqualTo(Level.FINEST);
        assertThat(relay.isLoggable(Level.FINE)).isTrue();
        assertThat(touched).contains("io.plinth.jultest.bus.Relay", "org.jultest.Client");
    }

    @Test
    void aLoggerNobodyWantsAnyMoreGoesBackToItsServerLevel() {
        platform.addHandler(ours);
        ours.levels(new LogLevelConfig(null, Map.of("org.jultest", Level.FINEST), 1));
        JulLevels.reconcile(platform, List.of("io.plinth", "org.jultest"), touched);

        ours.levels(new LogLevelConfig(null, Map.of(), 2));
        JulLevels.reconcile(platform, List.of("io.plinth"), touched);

        assertThat(library.getLevel()).isNull();
        assertThat(touched).doesNotContain("org.jultest.Client");
        assertThat(relay.getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void sharedLoggersGetTheMostVerboseLevelAnyApplicationWants() throws Exception {
        try (OtherApplication other = new OtherApplication()) {
            Handler theirs = other.handler(Level.FINEST);
            platform.addHandler(ours);
            platform.addHandler(theirs);
            try {
                ours.levels(new LogLevelConfig(Level.SEVERE, Map.of(), 1));

                JulLevels.reconcile(platform, List.of("io.plinth"), touched);

                assertThat(relay.getLevel()).isEqualTo(Level.FINEST);
            } finally {
                platform.removeHandler(theirs);
            }
        }
    }

    @Test
    void onlyShippingHandlersHaveAVoice() {
        ConsoleHandler console = new ConsoleHandler();
        platform.addHandler(console);
        platform.addHandler(ours);
        try {
            assertThat(JulLevels.opinions(platform)).containsExactly(ours);
        } finally {
            platform.removeHandler(console);
        }
    }

    @Test
    void withoutOpinionsNothingIsSet() {
        JulLevels.reconcile(platform, List.of("io.plinth"), touched);

        assertThat(relay.getLevel()).isNull();
        assertThat(touched).isEmpty();
    }
}
