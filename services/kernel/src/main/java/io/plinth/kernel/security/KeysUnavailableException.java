package io.plinth.kernel.security;

/** The signing keys could not be fetched from identity, so no token can be checked right now. */
public class KeysUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
