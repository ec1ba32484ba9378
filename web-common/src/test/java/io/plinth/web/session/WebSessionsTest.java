package io.plinth.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.web.api.FakeService;
import io.plinth.web.api.FakeService.Answer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebSessionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String NEXT = "{\"access_token\":\"a2\",\"refresh_token\":\"r2\",\"token_type\":\"Bearer\","
            + "\"expires_in\":300}";

    @Test
    void aTokenIsRefreshedOnlyWhenDueAndOnlyOnce() throws Exception {
        try (FakeService identity = new FakeService(request -> Answer.json(200, NEXT))) {
            WebSessions sessions = sessions(identity);
            SignedInUser user = new SignedInUser("alice", "Alice", Tokens.of(TokensTest.answer(300), NOW));

            at(sessions, NOW.plusSeconds(200));
            sessions.keepFresh(user, null);
            assertThat(user.accessToken()).isEqualTo("secret-access");
            assertThat(identity.received).isEmpty();

            at(sessions, NOW.plusSeconds(250));
            sessions.keepFresh(user, null);
            sessions.keepFresh(user, null);
            assertThat(user.accessToken()).isEqualTo("a2");
            assertThat(identity.received).hasSize(1);
            assertThat(identity.received.get(0).body()).contains("secret-refresh");
        }
    }

    @Test
    void aRefusedRefreshEndsTheSession() throws Exception {
        try (FakeService identity = new FakeService(request -> Answer.problem(401, "unauthenticated", "revoked"))) {
            WebSessions sessions = sessions(identity);
            SignedInUser user = new SignedInUser("alice", "Alice", Tokens.of(TokensTest.answer(300), NOW));
            at(sessions, NOW.plusSeconds(250));

            assertThatThrownBy(() -> sessions.keepFresh(user, null)).isInstanceOfSatisfying(SignInException.class,
                    e -> assertThat(e.failure()).isEqualTo(SignInFailure.SESSION_ENDED));
        }
    }

    @Test
    void anUnreachableIdentityIsWaitedOutUntilTheTokenExpires() throws Exception {
        try (FakeService identity = new FakeService(request -> Answer.problem(503, "unavailable", "down"))) {
            WebSessions sessions = sessions(identity);
            SignedInUser user = new SignedInUser("alice", "Alice", Tokens.of(TokensTest.answer(300), NOW));

            at(sessions, NOW.plusSeconds(250));
            sessions.keepFresh(user, null);
            assertThat(user.accessToken()).isEqualTo("secret-access");

            at(sessions, NOW.plusSeconds(300));
            assertThatThrownBy(() -> sessions.keepFresh(user, null)).isInstanceOfSatisfying(SignInException.class,
                    e -> assertThat(e.failure()).isEqualTo(SignInFailure.UNAVAILABLE));
        }
    }

    private static WebSessions sessions(FakeService identity) {
        WebSessions sessions = new WebSessions();
        sessions.identity = IdentityClientTest.client(identity);
        return sessions;
    }

    private static void at(WebSessions sessions, Instant instant) {
        sessions.identity.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }
}
