package io.plinth.viewservice.apps;

import io.plinth.kernel.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The publishing user's access token, forwarded to the participants so that each checks that user's
 * permissions itself (catalogs: {@code catalogs:schema:apply}). It lives only in memory, for the
 * request and the worker running its publication: never stored, never logged.
 */
final class Credentials {

    private static final String BEARER = "Bearer ";

    private final String token;
    private final Instant expiresAt;

    private Credentials(String token, Instant expiresAt) {
        this.token = token;
        this.expiresAt = expiresAt;
    }

    /**
     * The credentials of a request the kernel let in: its {@code Authorization} header holds a bearer
     * token it verified for {@code caller}.
     */
    static Credentials of(String authorization, Caller caller) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new IllegalStateException("a signed-in request carries a bearer token");
        }
        return new Credentials(authorization.substring(BEARER.length()).strip(), caller.expiresAt());
    }

    /** For tests. */
    static Credentials of(String token, Instant expiresAt) {
        return new Credentials(token, expiresAt);
    }

    /**
     * The {@code Authorization} header to send to {@code participant}; refused here already when the
     * token has expired, as the participant would refuse it.
     */
    String authorization(String participant, Clock clock) {
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            throw new ParticipantException(participant, 401, ParticipantException.TOKEN_EXPIRED,
                    "the publishing user's access token expired at " + expiresAt, List.of());
        }
        return BEARER + token;
    }

    @Override
    public String toString() {
        return "Credentials[token hidden, expiresAt=" + expiresAt + "]";
    }
}
