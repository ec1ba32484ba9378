package io.plinth.kernel.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    public record Toggle(String name, Boolean enabled) {
    }

    private final Jsonb jsonb = StrictJson.create();

    @Test
    void acceptsRealBooleansAndNull() {
        assertThat(jsonb.fromJson("{\"name\":\"a\",\"enabled\":true}", Toggle.class).enabled()).isTrue();
        assertThat(jsonb.fromJson("{\"name\":\"a\",\"enabled\":false}", Toggle.class).enabled()).isFalse();
        assertThat(jsonb.fromJson("{\"name\":\"a\",\"enabled\":null}", Toggle.class).enabled()).isNull();
        assertThat(jsonb.fromJson("{\"name\":\"a\"}", Toggle.class).enabled()).isNull();
    }

    @Test
    void refusesWhatOnlyLooksLikeABoolean() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"name\":\"a\",\"enabled\":\"yes\"}", Toggle.class))
                .isInstanceOf(JsonbException.class);
        assertThatThrownBy(() -> jsonb.fromJson("{\"name\":\"a\",\"enabled\":5}", Toggle.class))
                .isInstanceOf(JsonbException.class);
    }
}
