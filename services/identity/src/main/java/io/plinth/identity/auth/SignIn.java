package io.plinth.identity.auth;

import io.plinth.identity.access.EffectiveAccess;
import io.plinth.identity.tokens.ApiToken;
import io.plinth.identity.tokens.ApiTokens;
import io.plinth.identity.tokens.Sessions;
import io.plinth.identity.users.PlatformUser;
import io.plinth.identity.users.UserStatus;
import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The ways to obtain an access token: a password sign-in (which starts a session with a refresh
 * token), a refresh of that session, and the exchange of a personal API token. Every answer for a
 * wrong login or password is the same, whether the login exists or not.
 */
@ApplicationScoped
public class SignIn {

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());
    static final String WRONG_CREDENTIALS = "The login or the password is wrong";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    Sessions sessions;

    @Inject
    ApiTokens apiTokens;

    @Inject
    EffectiveAccess access;

    @Inject
    AccessTokenIssuer issuer;

    public JsonObject withPassword(String login, String password) {
        throttle.checkRate(RequestContext.clientAddress());
        throttle.checkNotLocked(login);
        Optional<PlatformUser> user = find(login);
        if (!passwords.matches(user, password)) {
            throttle.failed(login);
            LOG.info(() -> "Failed sign-in from " + RequestContext.clientAddress());
            throw refused("invalid-credentials", WRONG_CREDENTIALS);
        }
        throttle.succeeded(login);
        PlatformUser signedIn = active(user.get());
        Sessions.Grant grant = sessions.start(signedIn.id());
        LOG.info(() -> "Signed in: " + signedIn.login() + ", session " + grant.sessionId());
        return answer(signedIn, grant.sessionId().toString(), grant.refreshToken());
    }

    public JsonObject withRefreshToken(String refreshToken) {
        Sessions.Grant grant = sessions.rotate(refreshToken);
        PlatformUser user = em.find(PlatformUser.class, grant.userId());
        if (user == null || user.status() != UserStatus.ACTIVE) {
            sessions.end(grant.sessionId());
            throw refused("account-disabled", "This account is disabled or locked; ask an administrator");
        }
        return answer(user, grant.sessionId().toString(), grant.refreshToken());
    }

    public JsonObject withApiToken(String secret) {
        throttle.checkRate(RequestContext.clientAddress());
        ApiToken token = apiTokens.use(secret)
                .orElseThrow(() -> refused("api-token-invalid", "The API token is unknown, revoked or expired"));
        PlatformUser user = active(em.find(PlatformUser.class, token.userId()));
        return answer(user, "api-token:" + token.id(), null);
    }

    private JsonObject answer(PlatformUser user, String sessionId, String refreshToken) {
        var effective = access.of(user.id());
        AccessTokenIssuer.Issued issued = issuer.issue(user, effective.groups(), effective.roles(),
                effective.permissions(), sessionId);
        var json = Json.createObjectBuilder()
                .add("access_token", issued.token())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn());
        if (refreshToken != null) {
            json.add("refresh_token", refreshToken);
        }
        return json.build();
    }

    private static PlatformUser active(PlatformUser user) {
        if (user == null || user.status() != UserStatus.ACTIVE) {
            throw refused("account-disabled", "This account is disabled or locked; ask an administrator");
        }
        return user;
    }

    private Optional<PlatformUser> find(String login) {
        return em.createQuery("SELECT u FROM PlatformUser u WHERE u.login = :login", PlatformUser.class)
                .setParameter("login", login.strip().toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    static ProblemException refused(String code, String detail) {
        return new ProblemException(Problem.of(401, code, "Not signed in", detail));
    }

    static UUID sessionOf(String sid) {
        try {
            return sid == null ? null : UUID.fromString(sid);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
