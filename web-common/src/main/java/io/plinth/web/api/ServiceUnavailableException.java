package io.plinth.web.api;

/** A platform service could not be asked, or did not give a usable answer in time. */
public class ServiceUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
