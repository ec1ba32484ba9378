package io.plinth.identity.tokens;

import io.plinth.identity.audit.AuditLog;
import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.config.Settings;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Personal API tokens: created for oneself, shown once, stored hashed, revocable, always expiring. */
@ApplicationScoped
public class ApiTokens {

    public static final String CREATED = "identity.api-token.created";
    public static final String REVOKED = "identity.api-token.revoked";
    static final String PREFIX = "plt_";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    AuditLog audit;

    @Inject
    Settings settings;

    private Duration maxLifetime;

    /** A new token and the only time its secret is visible. */
    public record Created(ApiToken token, String secret) {
    }

    @PostConstruct
    void configure() {
        maxLifetime = settings.duration("plinth.identity.api-token-max-lifetime");
    }

    @Transactional
    public Created create(UUID userId, String login, String name, int days) {
        if (Duration.ofDays(days).compareTo(maxLifetime) > 0) {
            throw ProblemException.invalid("expiresInDays", "must be at most " + maxLifetime.toDays());
        }
        String secret = Secrets.generate(PREFIX);
        OffsetDateTime now = now();
        ApiToken token = new ApiToken(userId, name.strip(), Secrets.hash(secret), secret.substring(0, 10), now,
                now.plusDays(days));
        em.persist(token);
        var details = Json.createObjectBuilder().add("id", token.id().toString()).add("name", token.name())
                .add("userId", userId.toString()).add("login", login).add("expiresAt", token.expiresAt().toString()).build();
        events.publish(CREATED, details);
        audit.record("api-token.created", "api-token", token.id().toString(), details);
        return new Created(token, secret);
    }

    /** The usable token with this secret, recording its use; empty for unknown, revoked or expired tokens. */
    @Transactional
    public java.util.Optional<ApiToken> use(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return java.util.Optional.empty();
        }
        OffsetDateTime now = now();
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", Secrets.hash(secret))
                .getResultStream()
                .filter(token -> token.usable(now))
                .findFirst()
                .map(token -> {
                    token.used(now);
                    return token;
                });
    }

    public Page<ApiToken> list(UUID userId, PageRequest page) {
        String where = userId == null ? "" : " WHERE t.userId = :user";
        var items = em.createQuery("SELECT t FROM ApiToken t" + where + " ORDER BY t.createdAt DESC", ApiToken.class);
        var total = em.createQuery("SELECT COUNT(t) FROM ApiToken t" + where, Long.class);
        if (userId != null) {
            items.setParameter("user", userId);
            total.setParameter("user", userId);
        }
        return new Page<>(items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList(),
                page.offset(), page.limit(), total.getSingleResult());
    }

    public ApiToken get(UUID id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            throw ProblemException.notFound("API token", id.toString());
        }
        return token;
    }

    @Transactional
    public void revoke(UUID id) {
        ApiToken token = get(id);
        if (token.revokedAt() != null) {
            return;
        }
        token.revoke(now());
        var details = Json.createObjectBuilder().add("id", id.toString()).add("userId", token.userId().toString()).build();
        events.publish(REVOKED, details);
        audit.record("api-token.revoked", "api-token", id.toString(), details);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
