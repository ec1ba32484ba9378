package io.plinth.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

    private static final String ISSUER = "http://identity.test";
    private static RSAKey key;
    private static RSAKey otherKey;
    private static JwtVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k2").generate();
        verifier = new JwtVerifier(ISSUER, "plinth", new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())),
                Duration.ofSeconds(5));
    }

    @Test
    void aWellFormedTokenNamesItsCaller() throws Exception {
        Caller caller = verifier.verify(sign(claims().build(), key, "k1"));
        assertThat(caller.login()).isEqualTo("ann");
        assertThat(caller.roles()).containsExactly("app-builder");
        assertThat(caller.may("view-service:apps:write")).isTrue();
        assertThat(caller.may("identity:users:write")).isFalse();
    }

    @Test
    void expiredTokensAreRefused() {
        Instant past = Instant.now().minusSeconds(600);
        var claims = claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build();
        assertRefused(sign(claims, key, "k1"), "expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderAKnownKidIsRefused() {
        assertRefused(sign(claims().build(), otherKey, "k1"), "signature");
    }

    @Test
    void anUnknownKeyIdIsRefused() {
        assertRefused(sign(claims().build(), otherKey, "k2"), "unknown key");
    }

    @Test
    void aTokenWithoutKeyIdIsRefused() {
        assertRefused(sign(claims().build(), key, null), "kid");
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        assertRefused(sign(claims().issuer("http://elsewhere").build(), key, "k1"), "issuer");
        assertRefused(sign(claims().audience("other").build(), key, "k1"), "audience");
    }

    @Test
    void unsignedTokensAreRefused() {
        assertRefused(new PlainJWT(claims().build()).serialize(), "signed");
    }

    @Test
    void hmacWithThePublicKeyAsSecretIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        assertRefused(jwt.serialize(), "RS256");
    }

    @Test
    void tamperedClaimsAreRefused() {
        String[] parts = sign(claims().build(), key, "k1").split("\\.");
        String forged = Base64URL.encode(claims().claim(PlatformClaims.PERMISSIONS, List.of("*")).build().toString()).toString();
        assertRefused(parts[0] + "." + forged + "." + parts[2], "signature");
    }

    @Test
    void garbageAndHugeTokensAreRefused() {
        assertRefused("not-a-token", "signed JWT");
        assertRefused("a".repeat(JwtVerifier.MAX_TOKEN_CHARS + 1), "too large");
    }

    private static void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(reason);
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("plinth").subject(UUID.randomUUID().toString())
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim(PlatformClaims.LOGIN, "ann")
                .claim(PlatformClaims.ROLES, List.of("app-builder"))
                .claim(PlatformClaims.PERMISSIONS, List.of("view-service:*"));
    }

    private static String sign(JWTClaimsSet claims, RSAKey with, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
