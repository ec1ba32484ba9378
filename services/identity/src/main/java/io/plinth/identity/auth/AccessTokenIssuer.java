package io.plinth.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.plinth.identity.keys.SigningKeys;
import io.plinth.identity.users.PlatformUser;
import io.plinth.kernel.config.Settings;
import io.plinth.kernel.security.PlatformClaims;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Signs platform access tokens: RS256 with the active key (named in {@code kid}), for the
 * platform audience, valid {@code plinth.identity.access-token-ttl}. Roles and groups are
 * evaluated now, so a change reaches a user at the next refresh.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    @Inject
    SigningKeys keys;

    @Inject
    Settings settings;

    private Duration ttl;
    private String issuer;
    private String audience;

    public record Issued(String token, long expiresIn) {
    }

    @PostConstruct
    void configure() {
        ttl = settings.duration("plinth.identity.access-token-ttl");
        issuer = settings.text("plinth.auth.issuer");
        audience = settings.text("plinth.auth.audience");
    }

    public Issued issue(PlatformUser user, Set<String> groups, Set<String> roles, Set<String> permissions,
                        String sessionId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.id().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim(PlatformClaims.LOGIN, user.login())
                .claim("preferred_username", user.login())
                .claim(PlatformClaims.NAME, user.displayName())
                .claim(PlatformClaims.GROUPS, sorted(groups))
                .claim(PlatformClaims.ROLES, sorted(roles))
                .claim(PlatformClaims.PERMISSIONS, sorted(permissions));
        if (sessionId != null) {
            claims.claim(PlatformClaims.SESSION, sessionId);
        }
        RSAKey key = keys.active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
        return new Issued(jwt.serialize(), ttl.toSeconds());
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
