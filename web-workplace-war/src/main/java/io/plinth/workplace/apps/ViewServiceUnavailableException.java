package io.plinth.workplace.apps;

/** view-service could not be reached, or did not give a usable answer in time. */
public class ViewServiceUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public ViewServiceUnavailableException(String message) {
        super(message);
    }
}
