package io.plinth.identity.auth;

import io.plinth.identity.audit.AuditLog;
import io.plinth.identity.users.PlatformUser;
import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Setting and checking users' passwords. */
@ApplicationScoped
public class Passwords {

    public static final String CHANGED = "identity.password.changed";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    AuditLog audit;

    @Inject
    Settings settings;

    private PasswordPolicy policy;

    @PostConstruct
    void configure() {
        policy = new PasswordPolicy(settings.integer("plinth.identity.password-min-length", 8, 128));
    }

    /** Sets {@code password} after checking it against the policy; also signs the user out everywhere. */
    @Transactional
    public void set(PlatformUser user, String password) {
        policy.check("password", user.login(), password);
        String hash = PasswordHasher.hash(password);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        PasswordCredential credential = em.find(PasswordCredential.class, user.id());
        if (credential == null) {
            em.persist(new PasswordCredential(user.id(), hash, now));
        } else {
            credential.change(hash, now);
        }
        em.createQuery("UPDATE RefreshToken t SET t.status = 'revoked' WHERE t.userId = :user AND t.status = 'active'")
                .setParameter("user", user.id())
                .executeUpdate();
        var details = Json.createObjectBuilder().add("userId", user.id().toString()).add("login", user.login()).build();
        events.publish(CHANGED, details);
        audit.record("password.changed", "user", user.login(), details);
    }

    /**
     * Whether {@code password} is the user's. Takes as long for a user without a password (or no
     * user at all) as for a wrong password, so the answer's timing tells nothing.
     */
    public boolean matches(Optional<PlatformUser> user, String password) {
        PasswordCredential credential = user.map(u -> em.find(PasswordCredential.class, u.id())).orElse(null);
        boolean matches = PasswordHasher.matches(password, credential == null ? null : credential.hash());
        return credential != null && matches;
    }
}
