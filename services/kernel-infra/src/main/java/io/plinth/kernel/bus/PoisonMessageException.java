package io.plinth.kernel.bus;

/**
 * A message that can never be handled (no id, not an event envelope, or rejected outright by a
 * handler): it goes to the dead-letter queue at once instead of being retried.
 */
public class PoisonMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String message) {
        super(message);
    }
}
