package io.plinth.web.session;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The platform tokens of one signed-in browser session. They live only in the HTTP session on the
 * server: never in a page, a cookie or a log. The access token is refreshed shortly before it
 * expires ({@link #refreshAt}): a page never starts a call with a token about to lapse.
 */
public record Tokens(String accessToken, String refreshToken, Instant refreshAt, Instant expiresAt)
        implements Serializable {

    /** How long before expiry the token is renewed, at most; a third of its lifetime when that is shorter. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    /**
     * Reads identity's token answer ({@code access_token}, {@code refresh_token}, {@code expires_in}),
     * received at {@code now}. Throws IllegalArgumentException when it is not one.
     */
    static Tokens of(JsonObject answer, Instant now) {
        if (!(answer.get("access_token") instanceof JsonString access)
                || !(answer.get("refresh_token") instanceof JsonString refresh)
                || !(answer.get("expires_in") instanceof JsonNumber expiresIn) || expiresIn.longValue() <= 0) {
            throw new IllegalArgumentException("not a token answer with access_token, refresh_token and expires_in");
        }
        Duration lifetime = Duration.ofSeconds(expiresIn.longValue());
        Duration margin = lifetime.dividedBy(3).compareTo(REFRESH_MARGIN) < 0 ? lifetime.dividedBy(3) : REFRESH_MARGIN;
        Instant expiresAt = now.plus(lifetime);
        return new Tokens(access.getString(), refresh.getString(), expiresAt.minus(margin), expiresAt);
    }

    boolean dueForRefresh(Instant now) {
        return !now.isBefore(refreshAt);
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never the tokens themselves: records are printed in logs and debuggers. */
    @Override
    public String toString() {
        return "Tokens[refreshAt=" + refreshAt + ", expiresAt=" + expiresAt + "]";
    }
}
