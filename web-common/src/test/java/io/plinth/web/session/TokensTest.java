package io.plinth.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aFiveMinuteTokenIsRefreshedOneMinuteBeforeItExpires() {
        Tokens tokens = Tokens.of(answer(300), NOW);

        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(tokens.dueForRefresh(NOW.plusSeconds(239))).isFalse();
        assertThat(tokens.dueForRefresh(NOW.plusSeconds(240))).isTrue();
        assertThat(tokens.expired(NOW.plusSeconds(299))).isFalse();
        assertThat(tokens.expired(NOW.plusSeconds(300))).isTrue();
    }

    @Test
    void aShortLivedTokenIsRefreshedAfterTwoThirdsOfItsLife() {
        Tokens tokens = Tokens.of(answer(30), NOW);

        assertThat(tokens.refreshAt()).isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void somethingElseIsNotATokenAnswerAndTokensNeverShowInText() {
        assertThatThrownBy(() -> Tokens.of(Json.createObjectBuilder().add("access_token", "a").build(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tokens.of(Json.createObjectBuilder(answer(300)).add("expires_in", 0).build(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Tokens.of(answer(300), NOW).toString()).doesNotContain("secret-access", "secret-refresh");
    }

    static jakarta.json.JsonObject answer(int expiresIn) {
        return Json.createObjectBuilder().add("access_token", "secret-access").add("refresh_token", "secret-refresh")
                .add("token_type", "Bearer").add("expires_in", expiresIn).build();
    }
}
