package io.plinth.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Settings settings = new Settings(new MapConfig(Map.of(
            "plinth.grpc.port", "5101",
            "plinth.bad.port", "99999",
            "plinth.word.port", "eighty",
            "plinth.blank", "   ",
            "plinth.wait.ms", "250ms",
            "plinth.wait.days", "7d",
            "plinth.wait.iso", "PT5S",
            "plinth.wait.bad", "soon",
            "plinth.url", "not a url")));

    @Test
    void readsValidValues() {
        assertThat(settings.port("plinth.grpc.port")).isEqualTo(5101);
        assertThat(settings.duration("plinth.wait.ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.duration("plinth.wait.days")).isEqualTo(Duration.ofDays(7));
        assertThat(settings.duration("plinth.wait.iso")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void missingOrBlankValueNamesTheKeyAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> settings.text("plinth.db.schemas"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("plinth.db.schemas").hasMessageContaining("PLINTH_DB_SCHEMAS").hasMessageContaining("required");
        assertThatThrownBy(() -> settings.text("plinth.blank")).hasMessageContaining("plinth.blank");
    }

    @Test
    void invalidValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> settings.port("plinth.bad.port")).hasMessageContaining("between 1 and 65535, was 99999");
        assertThatThrownBy(() -> settings.port("plinth.word.port")).hasMessageContaining("whole number, was 'eighty'");
        assertThatThrownBy(() -> settings.duration("plinth.wait.bad")).hasMessageContaining("PLINTH_WAIT_BAD");
        assertThatThrownBy(() -> settings.uri("plinth.url")).hasMessageContaining("absolute URI");
    }
}
