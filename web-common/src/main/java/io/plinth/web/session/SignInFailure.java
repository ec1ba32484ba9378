package io.plinth.web.session;

/** Why a sign-in or a token refresh did not succeed; each has its own message (key {@code signin.failure.<code>}). */
public enum SignInFailure {
    WRONG_CREDENTIALS("wrong-credentials"),
    LOCKED("locked"),
    DISABLED("disabled"),
    TOO_MANY_ATTEMPTS("too-many-attempts"),
    /** identity could not be asked, or answered with a server error. */
    UNAVAILABLE("unavailable"),
    /** identity refused to refresh: the session was ended (signed out elsewhere, revoked, too old). */
    SESSION_ENDED("ended");

    private final String code;

    SignInFailure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** identity's problem code on a refused sign-in, as a failure. */
    static SignInFailure ofProblem(int status, String code) {
        if (status >= 500) {
            return UNAVAILABLE;
        }
        return switch (code) {
            case "account-locked" -> LOCKED;
            case "account-disabled" -> DISABLED;
            case "too-many-attempts" -> TOO_MANY_ATTEMPTS;
            default -> status == 429 ? TOO_MANY_ATTEMPTS : WRONG_CREDENTIALS;
        };
    }
}
