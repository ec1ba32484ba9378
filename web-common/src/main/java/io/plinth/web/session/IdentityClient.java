package io.plinth.web.session;

import io.plinth.kernel.config.Settings;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Logger;

/**
 * identity's sign-in API ({@code /api/auth/login}, {@code /refresh}, {@code /logout}) and
 * {@code /api/me}, called from the server: the browser never talks to identity nor sees a token.
 */
@ApplicationScoped
public class IdentityClient {

    public static final String URL_KEY = "plinth.services.identity.url";
    /**
     * Checking a password costs identity a deliberate Argon2 computation, and the first sign-in after
     * identity started also warms it up: 5 s were seen to run out then, and the page said identity
     * could not be reached. An identity that is down still fails at once (connection refused).
     */
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(IdentityClient.class.getName());

    /** The signed-in user as identity describes them. */
    public record Me(String login, String displayName) {
    }

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    ServiceApi api;
    Clock clock = Clock.systemUTC();

    @PostConstruct
    void connect() {
        api = new ServiceApi("identity", settings.uri(URL_KEY), executor, TIMEOUT);
    }

    /**
     * Signs in with a password. {@code clientAddress} is the browser's address: identity throttles
     * and locks per client, and every sign-in through this web part would otherwise come from its one address.
     */
    public Tokens login(String login, String password, String clientAddress) throws SignInException {
        JsonObject credentials = Json.createObjectBuilder().add("login", login).add("password", password).build();
        ApiAnswer answer = post("/api/auth/login", credentials, forwardedFor(clientAddress));
        if (!answer.ok()) {
            SignInFailure failure = SignInFailure.ofProblem(answer.status(), answer.code());
            throw new SignInException(failure, "identity refused the sign-in: HTTP " + answer.status() + " "
                    + answer.code());
        }
        return tokens(answer);
    }

    /** The next tokens of the session; the refresh token given is used up. */
    public Tokens refresh(String refreshToken, String clientAddress) throws SignInException {
        ApiAnswer answer = post("/api/auth/refresh", Json.createObjectBuilder().add("refresh_token", refreshToken).build(),
                forwardedFor(clientAddress));
        if (answer.status() >= 500) {
            throw new SignInException(SignInFailure.UNAVAILABLE, "identity could not refresh: HTTP " + answer.status());
        }
        if (!answer.ok()) {
            throw new SignInException(SignInFailure.SESSION_ENDED, "identity refused the refresh: HTTP "
                    + answer.status() + " " + answer.code());
        }
        return tokens(answer);
    }

    /** Ends the session at identity. Best effort: the HTTP session is ended whatever identity says. */
    public void logout(String refreshToken) {
        try {
            ApiAnswer answer = post("/api/auth/logout",
                    Json.createObjectBuilder().add("refresh_token", refreshToken).build(), Map.of());
            if (!answer.ok()) {
                LOG.warning(() -> "identity answered HTTP " + answer.status() + " to a logout");
            }
        } catch (SignInException e) {
            LOG.warning(() -> "The session could not be ended at identity: " + e.getMessage());
        }
    }

    public Me me(String accessToken) throws SignInException {
        try {
            ApiAnswer answer = api.get("/api/me", accessToken);
            if (!answer.ok()) {
                throw new SignInException(answer.status() >= 500 ? SignInFailure.UNAVAILABLE : SignInFailure.SESSION_ENDED,
                        "identity answered HTTP " + answer.status() + " to GET /api/me");
            }
            String login = answer.body().getString("login", "");
            return new Me(login, answer.body().getString("displayName", login));
        } catch (ServiceUnavailableException e) {
            throw new SignInException(SignInFailure.UNAVAILABLE, e.getMessage());
        }
    }

    private static Map<String, String> forwardedFor(String clientAddress) {
        return clientAddress == null ? Map.of() : Map.of("X-Forwarded-For", clientAddress);
    }

    private ApiAnswer post(String path, JsonObject body, Map<String, String> headers) throws SignInException {
        try {
            return api.send("POST", path, null, body, headers);
        } catch (ServiceUnavailableException e) {
            throw new SignInException(SignInFailure.UNAVAILABLE, e.getMessage());
        }
    }

    private Tokens tokens(ApiAnswer answer) throws SignInException {
        try {
            return Tokens.of(answer.body(), clock.instant());
        } catch (IllegalArgumentException e) {
            throw new SignInException(SignInFailure.UNAVAILABLE, "identity's answer is " + e.getMessage());
        }
    }
}
