package io.plinth.kernel.security;

/** An access token that cannot be trusted; the message says why, for the 401 answer. */
public class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
