package io.plinth.web.session;

/** A sign-in or refresh that did not succeed, and why. */
public class SignInException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SignInFailure failure;

    public SignInException(SignInFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public SignInFailure failure() {
        return failure;
    }
}
