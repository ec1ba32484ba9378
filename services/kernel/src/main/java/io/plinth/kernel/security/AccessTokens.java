package io.plinth.kernel.security;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.plinth.kernel.config.InvalidConfigurationException;
import io.plinth.kernel.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.time.Duration;

/**
 * Verifies platform access tokens with the keys identity publishes at {@code plinth.auth.jwks-url}.
 * Keys are cached for {@code plinth.auth.jwks-cache}; a token with a key id not in the cache makes
 * one refetch (at most one a second), so a rotated key is picked up at its first use.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    Settings settings;

    private JwtVerifier verifier;

    @PostConstruct
    void configure() {
        String key = "plinth.auth.jwks-url";
        try {
            var keys = JWKSourceBuilder.<SecurityContext>create(settings.uri(key).toURL(),
                            new DefaultResourceRetriever(2_000, 3_000, 256 * 1024))
                    .cache(settings.duration("plinth.auth.jwks-cache").toMillis(), 5_000)
                    .rateLimited(Duration.ofSeconds(1).toMillis())
                    .retrying(true)
                    .build();
            verifier = new JwtVerifier(settings.text("plinth.auth.issuer"), settings.text("plinth.auth.audience"),
                    keys, settings.duration("plinth.auth.clock-skew"));
        } catch (MalformedURLException e) {
            throw new InvalidConfigurationException(key, "must be an http(s) URL");
        }
    }

    public Caller verify(String token) throws InvalidTokenException {
        return verifier.verify(token);
    }
}
