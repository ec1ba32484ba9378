package io.plinth.kernel.security;

import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header (RFC 6750; the scheme in any case). */
public final class BearerToken {

    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /** The token, or empty when the header names another scheme; {@code header} must not be null. */
    public static Optional<String> in(String header) {
        return header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? Optional.of(header.substring(SCHEME.length())) : Optional.empty();
    }
}
