package io.plinth.identity.tokens;

import io.plinth.identity.audit.AuditLog;
import io.plinth.kernel.config.Settings;
import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sign-in sessions as families of rotating refresh tokens. A refresh token can be used once and
 * for {@code plinth.identity.refresh-token-ttl}; a family lives at most
 * {@code plinth.identity.session-max-age}. Presenting a token that was already used means it was
 * copied: the whole family is revoked, so neither the thief nor the user can go on with it.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Settings settings;

    private Duration tokenTtl;
    private Duration maxAge;

    /** A refresh token handed to the client, with the session (family) it belongs to. */
    public record Grant(String refreshToken, UUID sessionId, UUID userId) {
    }

    @PostConstruct
    void configure() {
        tokenTtl = settings.duration("plinth.identity.refresh-token-ttl");
        maxAge = settings.duration("plinth.identity.session-max-age");
    }

    @Transactional
    public Grant start(UUID userId) {
        OffsetDateTime now = now();
        return issue(userId, UUID.randomUUID(), now.plus(maxAge), now);
    }

    /**
     * Uses up {@code refreshToken} and issues the next one of its family. The row is locked, so
     * two concurrent uses of one token cannot both succeed.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Grant rotate(String refreshToken) {
        RefreshToken token = find(refreshToken);
        OffsetDateTime now = now();
        if (!"active".equals(token.status())) {
            if ("used".equals(token.status())) {
                revokeFamily(token.familyId());
                LOG.warning(() -> "A used refresh token was presented again: session " + token.familyId() + " revoked");
                audit.record("session.reuse-detected", "session", token.familyId().toString(),
                        Json.createObjectBuilder().add("userId", token.userId().toString()).build());
                throw refused("refresh-token-reused",
                        "This refresh token was already used; the session is revoked for safety. Sign in again");
            }
            throw refused("refresh-token-revoked", "This session has ended. Sign in again");
        }
        if (token.expiresAt().isBefore(now) || token.familyExpiresAt().isBefore(now)) {
            throw refused("refresh-token-expired", "This session has expired. Sign in again");
        }
        em.createQuery("UPDATE RefreshToken t SET t.status = 'used' WHERE t.tokenHash = :hash")
                .setParameter("hash", Secrets.hash(refreshToken))
                .executeUpdate();
        return issue(token.userId(), token.familyId(), token.familyExpiresAt(), now);
    }

    /** Ends the session {@code refreshToken} belongs to; an unknown token is ignored. Answers the session id. */
    @Transactional
    public UUID endByToken(String refreshToken) {
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", Secrets.hash(refreshToken))
                .getResultStream()
                .findFirst()
                .map(token -> {
                    revokeFamily(token.familyId());
                    return token.familyId();
                })
                .orElse(null);
    }

    @Transactional
    public void end(UUID sessionId) {
        revokeFamily(sessionId);
    }

    /** Whether the session can still be refreshed (not ended, not expired). */
    public boolean active(UUID sessionId, UUID userId) {
        return !em.createQuery("SELECT t.id FROM RefreshToken t WHERE t.familyId = :family AND t.userId = :user"
                        + " AND t.status = 'active'", UUID.class)
                .setParameter("family", sessionId)
                .setParameter("user", userId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    private RefreshToken find(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw refused("refresh-token-invalid", "The refresh token is not valid. Sign in again");
        }
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", Secrets.hash(refreshToken))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> refused("refresh-token-invalid", "The refresh token is not valid. Sign in again"));
    }

    private Grant issue(UUID userId, UUID familyId, OffsetDateTime familyExpiresAt, OffsetDateTime now) {
        String secret = Secrets.generate("");
        OffsetDateTime expires = now.plus(tokenTtl);
        em.persist(new RefreshToken(Secrets.hash(secret), familyId, userId, now,
                expires.isAfter(familyExpiresAt) ? familyExpiresAt : expires, familyExpiresAt,
                RequestContext.clientAddress()));
        return new Grant(secret, familyId, userId);
    }

    private void revokeFamily(UUID familyId) {
        em.createQuery("UPDATE RefreshToken t SET t.status = 'revoked' WHERE t.familyId = :family AND t.status <> 'revoked'")
                .setParameter("family", familyId)
                .executeUpdate();
    }

    static ProblemException refused(String code, String detail) {
        return new ProblemException(Problem.of(401, code, "Not signed in", detail));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
