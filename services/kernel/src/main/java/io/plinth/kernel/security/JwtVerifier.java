package io.plinth.kernel.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Checks a platform access token: an RS256 JWS with a key id that names one of identity's
 * published keys, of type JWT, from the platform issuer, for the platform audience, not expired,
 * with subject, login, id and issue time. Anything else, {@code alg: none} included, is refused.
 */
public final class JwtVerifier {

    /** Tokens larger than this are refused unread: no header of that size is a platform token. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public JwtVerifier(String issuer, String audience, JWKSource<SecurityContext> keys, Duration clockSkew) {
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp", "iat", "jti", PlatformClaims.LOGIN));
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    public Caller verify(String token) throws InvalidTokenException {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("the token is empty or too large");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.strip());
        } catch (ParseException e) {
            throw new InvalidTokenException("the token is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("the token must be signed with RS256");
        }
        if (jwt.getHeader().getKeyID() == null) {
            throw new InvalidTokenException("the token names no signing key (kid)");
        }
        try {
            return caller(processor.process(jwt, null));
        } catch (KeySourceException e) {
            throw new KeysUnavailableException("identity's signing keys could not be fetched", e);
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(reason(e));
        } catch (JOSEException | ParseException e) {
            throw new InvalidTokenException("the token could not be checked");
        }
    }

    private static String reason(BadJOSEException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("xpired")) {
            return "the token has expired";
        }
        if (message.contains("no matching key")) {
            return "the token is signed with an unknown key";
        }
        if (message.contains("signature")) {
            return "the token's signature is not valid";
        }
        if (message.contains("iss")) {
            return "the token is from another issuer";
        }
        if (message.contains("aud")) {
            return "the token is for another audience";
        }
        return "the token is not valid";
    }

    private static Caller caller(JWTClaimsSet claims) throws ParseException {
        return new Caller(claims.getSubject(), claims.getStringClaim(PlatformClaims.LOGIN),
                set(claims.getStringListClaim(PlatformClaims.ROLES)),
                set(claims.getStringListClaim(PlatformClaims.GROUPS)),
                set(claims.getStringListClaim(PlatformClaims.PERMISSIONS)),
                claims.getStringClaim(PlatformClaims.TENANT),
                claims.getStringClaim(PlatformClaims.SESSION),
                claims.getJWTID(), claims.getExpirationTime().toInstant());
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
