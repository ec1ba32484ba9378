package io.plinth.kernel.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.kernel.problem.FieldError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LogLevelNamesTest {

    @Test
    void fiveNamesMapToJulLevels() {
        assertThat(LogLevelNames.parse("error")).contains(Level.SEVERE);
        assertThat(LogLevelNames.parse("warning")).contains(Level.WARNING);
        assertThat(LogLevelNames.parse(" Info ")).contains(Level.INFO);
        assertThat(LogLevelNames.parse("DEBUG")).contains(Level.FINE);
        assertThat(LogLevelNames.parse("trace")).contains(Level.FINEST);
        assertThat(LogLevelNames.parse("fine")).isEmpty();
        assertThat(LogLevelNames.parse("warn")).isEmpty();
        assertThat(LogLevelNames.parse(null)).isEmpty();
    }

    @Test
    void everyJulLevelHasAStoredName() {
        assertThat(LogLevelNames.nameOf(Level.SEVERE)).isEqualTo("error");
        assertThat(LogLevelNames.nameOf(Level.WARNING)).isEqualTo("warning");
        assertThat(LogLevelNames.nameOf(Level.INFO)).isEqualTo("info");
        assertThat(LogLevelNames.nameOf(Level.CONFIG)).isEqualTo("debug");
        assertThat(LogLevelNames.nameOf(Level.FINE)).isEqualTo("debug");
        assertThat(LogLevelNames.nameOf(Level.FINER)).isEqualTo("trace");
        assertThat(LogLevelNames.nameOf(Level.FINEST)).isEqualTo("trace");
    }

    @Test
    void serverLevelAcceptsLibertyNamesAndFallsBackToInfo() {
        assertThat(LogLevelNames.parseServerLevel("fine")).isEqualTo(Level.FINE);
        assertThat(LogLevelNames.parseServerLevel("debug")).isEqualTo(Level.FINE);
        assertThat(LogLevelNames.parseServerLevel("severe")).isEqualTo(Level.SEVERE);
        assertThat(LogLevelNames.parseServerLevel("nonsense")).isEqualTo(Level.INFO);
    }

    @Test
    void minimumLevelFilterListsItAndTheMoreSevere() {
        assertThat(LogLevelNames.atLeast("error")).containsExactly("error");
        assertThat(LogLevelNames.atLeast("info")).containsExactly("error", "warning", "info");
        assertThat(LogLevelNames.atLeast("trace")).hasSize(5);
        assertThatThrownBy(() -> LogLevelNames.atLeast("fine")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loggerNamesAreDotSeparatedIdentifiers() {
        assertThat(LogLevelNames.isLoggerName("io.plinth.catalogs.registry")).isTrue();
        assertThat(LogLevelNames.isLoggerName("org.eclipse.persistence")).isTrue();
        assertThat(LogLevelNames.isLoggerName("Single")).isTrue();
        assertThat(LogLevelNames.isLoggerName("")).isFalse();
        assertThat(LogLevelNames.isLoggerName("io..plinth")).isFalse();
        assertThat(LogLevelNames.isLoggerName("io.plinth.")).isFalse();
        assertThat(LogLevelNames.isLoggerName("io plinth")).isFalse();
        assertThat(LogLevelNames.isLoggerName("1io.plinth")).isFalse();
        assertThat(LogLevelNames.isLoggerName("a".repeat(LogLevelNames.MAX_LOGGER_NAME + 1))).isFalse();
    }

    @Test
    void withinFollowsTheLoggerHierarchy() {
        assertThat(LogLevelNames.within("io.plinth.catalogs", "io.plinth")).isTrue();
        assertThat(LogLevelNames.within("io.plinth", "io.plinth")).isTrue();
        assertThat(LogLevelNames.within("io.plinthx", "io.plinth")).isFalse();
        assertThat(LogLevelNames.within("io", "io.plinth")).isFalse();
    }

    @Test
    void validConfigurationHasNoErrors() {
        assertThat(LogLevelNames.validate("debug", Map.of("io.plinth.catalogs", "trace"))).isEmpty();
        assertThat(LogLevelNames.validate(null, null)).isEmpty();
    }

    @Test
    void everyBadValueIsReportedWithItsField() {
        Map<String, String> loggers = new LinkedHashMap<>();
        loggers.put("io.plinth.ok", "loud");
        loggers.put("not a logger", "debug");

        assertThat(LogLevelNames.validate("verbose", loggers)).extracting(FieldError::field)
                .containsExactly("level", "loggers['io.plinth.ok']", "loggers['not a logger']");
    }

    @Test
    void tooManyLoggersIsOneError() {
        Map<String, String> loggers = new HashMap<>();
        for (int i = 0; i <= LogLevelNames.MAX_LOGGERS; i++) {
            loggers.put("io.plinth.l" + i, "debug");
        }

        assertThat(LogLevelNames.validate(null, loggers)).extracting(FieldError::field).containsExactly("loggers");
    }
}
