package io.plinth.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.plinth.identity.audit.AuditLog;
import io.plinth.kernel.bus.EventPublisher;
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
import java.util.List;
import java.util.UUID;

/** The signing keys in the database: creation, rotation and the set still worth publishing. */
@ApplicationScoped
public class SigningKeyStore {

    public static final String ROTATED = "identity.key.rotated";
    private static final int KEY_BITS = 3072;

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    AuditLog audit;

    /**
     * Makes sure an active key younger than {@code maxAge} exists, rotating otherwise. Instances
     * starting together serialise on an advisory lock, so exactly one creates the key.
     */
    @Transactional
    public void ensureActive(Duration maxAge) {
        lock();
        SigningKey active = active();
        if (active == null || active.createdAt().isBefore(now().minus(maxAge))) {
            rotate(active, active == null ? "first key" : "scheduled rotation");
        }
    }

    /** Retires the active key (it stays published until the tokens it signed have expired) and activates a new one. */
    @Transactional
    public String rotateNow() {
        lock();
        return rotate(active(), "rotated on request");
    }

    /** The active key and the keys retired after {@code since}, newest first. */
    public List<SigningKey> publishedSince(OffsetDateTime since) {
        return em.createQuery("SELECT k FROM SigningKey k WHERE k.retiredAt IS NULL OR k.retiredAt > :since"
                        + " ORDER BY k.createdAt DESC", SigningKey.class)
                .setParameter("since", since)
                .getResultList();
    }

    public List<SigningKey> all() {
        return em.createQuery("SELECT k FROM SigningKey k ORDER BY k.createdAt DESC", SigningKey.class)
                .setMaxResults(100)
                .getResultList();
    }

    private String rotate(SigningKey previous, String reason) {
        OffsetDateTime now = now();
        if (previous != null) {
            previous.retire(now);
            em.flush();
        }
        RSAKey key = generate();
        em.persist(new SigningKey(key.getKeyID(), key.toPublicJWK().toJSONString(), key.toJSONString(), now));
        var details = Json.createObjectBuilder().add("kid", key.getKeyID()).add("reason", reason);
        if (previous != null) {
            details.add("previousKid", previous.kid());
        }
        events.publish(ROTATED, details.build());
        audit.record("key.rotated", "signing-key", key.getKeyID(), details.build());
        return key.getKeyID();
    }

    private SigningKey active() {
        return em.createQuery("SELECT k FROM SigningKey k WHERE k.retiredAt IS NULL", SigningKey.class)
                .getResultStream().findFirst().orElse(null);
    }

    private void lock() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('identity.signing-key'))").getSingleResult();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_BITS)
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
