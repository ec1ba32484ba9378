package io.plinth.identity.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The key tokens are signed with and the key set published at {@code /.well-known/jwks.json}.
 * Read from the database at most every {@link #REFRESH}, so a rotation made by another identity
 * instance is followed within that time; a retired key stays published for an access-token
 * lifetime plus the clock skew, so tokens it signed stay valid until they expire.
 */
@ApplicationScoped
public class SigningKeys {

    static final Duration REFRESH = Duration.ofSeconds(30);

    @Inject
    SigningKeyStore store;

    @Inject
    Settings settings;

    private Duration rotation;
    private Duration retiredKeysKept;
    private volatile Loaded loaded;

    private record Loaded(RSAKey active, JWKSet published, Instant at) {
    }

    @PostConstruct
    void configure() {
        rotation = settings.duration("plinth.identity.key-rotation");
        retiredKeysKept = settings.duration("plinth.identity.access-token-ttl")
                .plus(settings.duration("plinth.auth.clock-skew")).plusMinutes(1);
    }

    public RSAKey active() {
        return current().active();
    }

    public JWKSet published() {
        return current().published();
    }

    /** Forgets the cached keys, after a rotation made here. */
    public void reload() {
        loaded = null;
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null || now.at().isBefore(Instant.now().minus(REFRESH))) {
            now = load();
            loaded = now;
        }
        return now;
    }

    private synchronized Loaded load() {
        store.ensureActive(rotation);
        List<SigningKey> keys = store.publishedSince(OffsetDateTime.now(ZoneOffset.UTC).minus(retiredKeysKept));
        try {
            RSAKey active = null;
            List<JWK> published = new ArrayList<>();
            for (SigningKey key : keys) {
                if (key.retiredAt() == null) {
                    active = RSAKey.parse(key.privateJwk());
                }
                published.add(JWK.parse(key.publicJwk()));
            }
            return new Loaded(active, new JWKSet(published), Instant.now());
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }
}
