package io.plinth.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.web.api.FakeService;
import io.plinth.web.api.FakeService.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdentityClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String TOKENS = "{\"access_token\":\"a1\",\"refresh_token\":\"r1\",\"token_type\":\"Bearer\","
            + "\"expires_in\":300}";

    @Test
    void aSignInSendsTheCredentialsAndTheBrowsersAddressAndKeepsTheTokens() throws Exception {
        try (FakeService identity = new FakeService(request -> Answer.json(200, TOKENS))) {
            Tokens tokens = client(identity).login("Alice", "pa\"ss", "203.0.113.7");

            assertThat(tokens.accessToken()).isEqualTo("a1");
            assertThat(tokens.refreshToken()).isEqualTo("r1");
            assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(300));
            FakeService.Received request = identity.received.get(0);
            assertThat(request.method() + " " + request.pathAndQuery()).isEqualTo("POST /api/auth/login");
            assertThat(request.body()).isEqualTo("{\"login\":\"Alice\",\"password\":\"pa\\\"ss\"}");
            assertThat(request.forwardedFor()).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void eachRefusalOfIdentityHasItsOwnReason() throws Exception {
        try (FakeService identity = new FakeService(request -> Answer.problem(401, "invalid-credentials", "wrong"))) {
            IdentityClient client = client(identity);
            assertFailure(client, SignInFailure.WRONG_CREDENTIALS);

            identity.answer(request -> Answer.problem(401, "account-locked", "locked"));
            assertFailure(client, SignInFailure.LOCKED);

            identity.answer(request -> Answer.problem(401, "account-disabled", "disabled"));
            assertFailure(client, SignInFailure.DISABLED);

            identity.answer(request -> Answer.problem(429, "too-many-attempts", "slow down"));
            assertFailure(client, SignInFailure.TOO_MANY_ATTEMPTS);

            identity.answer(request -> Answer.problem(503, "sign-in-unavailable", "no redis"));
            assertFailure(client, SignInFailure.UNAVAILABLE);

            identity.answer(request -> Answer.json(200, "{\"access_token\":\"only\"}"));
            assertFailure(client, SignInFailure.UNAVAILABLE);
        }
    }

    @Test
    void anIdentityThatIsDownMakesSignInUnavailable() throws Exception {
        IdentityClient client = new IdentityClient();
        client.api = FakeService.unreachable(TIMEOUT);

        assertFailure(client, SignInFailure.UNAVAILABLE);
    }

    @Test
    void aRefusedRefreshEndsTheSessionAndAServerErrorDoesNot() throws Exception {
        try (FakeService identity = new FakeService(request -> Answer.problem(401, "refresh-token-reused", "reused"))) {
            IdentityClient client = client(identity);
            assertThatThrownBy(() -> client.refresh("r1", "203.0.113.9")).isInstanceOfSatisfying(SignInException.class,
                    e -> assertThat(e.failure()).isEqualTo(SignInFailure.SESSION_ENDED));
            assertThat(identity.received.get(0).body()).isEqualTo("{\"refresh_token\":\"r1\"}");
            assertThat(identity.received.get(0).forwardedFor()).isEqualTo("203.0.113.9");

            identity.answer(request -> Answer.problem(500, "internal", "oops"));
            assertThatThrownBy(() -> client.refresh("r1", "203.0.113.9")).isInstanceOfSatisfying(SignInException.class,
                    e -> assertThat(e.failure()).isEqualTo(SignInFailure.UNAVAILABLE));
        }
    }

    @Test
    void meAnswersTheLoginAndTheDisplayName() throws Exception {
        try (FakeService identity = new FakeService(request ->
                Answer.json(200, "{\"login\":\"alice\",\"displayName\":\"Alice Smith\"}"))) {
            IdentityClient.Me me = client(identity).me("a1");

            assertThat(me).isEqualTo(new IdentityClient.Me("alice", "Alice Smith"));
            assertThat(identity.received.get(0).authorization()).isEqualTo("Bearer a1");
        }
    }

    private static void assertFailure(IdentityClient client, SignInFailure expected) {
        assertThatThrownBy(() -> client.login("alice", "secret", null)).isInstanceOfSatisfying(SignInException.class,
                e -> assertThat(e.failure()).isEqualTo(expected));
    }

    static IdentityClient client(FakeService identity) {
        IdentityClient client = new IdentityClient();
        client.api = identity.api(TIMEOUT);
        client.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return client;
    }
}
