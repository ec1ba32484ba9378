package io.plinth.web.session;

import java.io.Serializable;

/**
 * Who is signed in to this HTTP session, and their tokens. Kept as a session attribute, so the
 * tokens never leave the server. Requests of one session may run at once: the tokens are read
 * and replaced under the object's lock, and refreshed by one request only.
 */
public final class SignedInUser implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String ATTRIBUTE = SignedInUser.class.getName();

    private final String login;
    private final String displayName;
    private Tokens tokens;

    SignedInUser(String login, String displayName, Tokens tokens) {
        this.login = login;
        this.displayName = displayName;
        this.tokens = tokens;
    }

    public String login() {
        return login;
    }

    public String displayName() {
        return displayName;
    }

    public synchronized String accessToken() {
        return tokens.accessToken();
    }

    synchronized Tokens tokens() {
        return tokens;
    }

    synchronized void replace(Tokens next) {
        tokens = next;
    }
}
