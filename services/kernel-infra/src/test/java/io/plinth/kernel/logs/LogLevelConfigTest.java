package io.plinth.kernel.logs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogLevelConfigTest {

    private final LogLevelConfig config = new LogLevelConfig(Level.WARNING,
            Map.of("io.plinth.catalogs", Level.FINE, "io.plinth.catalogs.registry", Level.FINEST, "org.redisson", Level.INFO), 3);

    @Test
    void theMostSpecificLoggerEntryWins() {
        assertThat(config.override("io.plinth.catalogs.registry.Catalogs")).isEqualTo(Level.FINEST);
        assertThat(config.override("io.plinth.catalogs.Other")).isEqualTo(Level.FINE);
        assertThat(config.override("io.plinth.catalogsx")).isNull();
    }

    @Test
    void platformLoggersFollowTheServiceLevelLibrariesOnlyTheirEntries() {
        assertThat(config.wanted("io.plinth.kernel.bus.OutboxRelay", Level.INFO)).isEqualTo(Level.WARNING);
        assertThat(config.wanted("org.redisson.Redisson", Level.INFO)).isEqualTo(Level.INFO);
        assertThat(config.wanted("liquibase", Level.INFO)).isNull();
    }

    @Test
    void withoutAServiceLevelTheServerDefaultCounts() {
        LogLevelConfig defaults = new LogLevelConfig(null, Map.of(), 0);

        assertThat(defaults.wanted("io.plinth.x", Level.FINE)).isEqualTo(Level.FINE);
        assertThat(defaults.configured()).isFalse();
        assertThat(LogLevelConfig.UNKNOWN.configured()).isFalse();
        assertThat(config.configured()).isTrue();
    }

    @Test
    void wireFormRoundTrips() {
        JsonObject json = config.toJson("catalogs");

        assertThat(json.getString("level")).isEqualTo("warning");
        assertThat(json.getJsonObject("loggers").getString("io.plinth.catalogs.registry")).isEqualTo("trace");
        assertThat(LogLevelConfig.fromJson(json)).isEqualTo(config);
        assertThat(new LogLevelConfig(null, Map.of(), 0).toJson("catalogs").isNull("level")).isTrue();
    }

    @Test
    void invalidEntriesOnTheWireAreSkipped() {
        JsonObject json = Json.createReader(new StringReader("{\"service\":\"catalogs\",\"level\":\"loud\","
                + "\"loggers\":{\"io..x\":\"debug\",\"io.plinth.y\":5,\"io.plinth.z\":\"debug\"},\"version\":\"7\"}")).readObject();

        LogLevelConfig read = LogLevelConfig.fromJson(json);

        assertThat(read.level()).isNull();
        assertThat(read.loggers()).containsOnly(Map.entry("io.plinth.z", Level.FINE));
        assertThat(read.version()).isZero();
    }

    @Test
    void librariesAreShippedFromWarningUnlessTheyHaveAnEntry() {
        assertThat(config.shippedFrom("liquibase.changelog", Level.INFO)).isEqualTo(Level.WARNING);
        assertThat(config.shippedFrom("org.redisson.x", Level.INFO)).isEqualTo(Level.INFO);
    }
}
