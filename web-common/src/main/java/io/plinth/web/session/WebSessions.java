package io.plinth.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.logging.Logger;

/** Signing in and out of this web part, and keeping a signed-in session's access token fresh. */
@ApplicationScoped
public class WebSessions {

    private static final Logger LOG = Logger.getLogger(WebSessions.class.getName());

    @Inject
    IdentityClient identity;

    /** The user signed in to the request's session, if any; never creates a session. */
    public Optional<SignedInUser> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((SignedInUser) session.getAttribute(SignedInUser.ATTRIBUTE));
    }

    /**
     * Signs in at identity and binds the user to the HTTP session under a new session id, so an id
     * planted before the sign-in (session fixation) is worth nothing after it.
     */
    public SignedInUser signIn(HttpServletRequest request, String login, String password) throws SignInException {
        Tokens tokens = identity.login(login, password, request.getRemoteAddr());
        IdentityClient.Me me;
        try {
            me = identity.me(tokens.accessToken());
        } catch (SignInException e) {
            identity.logout(tokens.refreshToken());
            throw e;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SignedInUser user = new SignedInUser(me.login(), me.displayName(), tokens);
        request.getSession(true).setAttribute(SignedInUser.ATTRIBUTE, user);
        LOG.info(() -> "Signed in: " + me.login());
        return user;
    }

    /**
     * Refreshes the user's access token when it is due. Throws when the session cannot go on:
     * identity refused the refresh, or could not be asked and the token has already expired.
     * {@code clientAddress} is the browser's, for identity's record of the session.
     */
    public void keepFresh(SignedInUser user, String clientAddress) throws SignInException {
        synchronized (user) {
            Tokens tokens = user.tokens();
            if (!tokens.dueForRefresh(identity.clock.instant())) {
                return;
            }
            try {
                user.replace(identity.refresh(tokens.refreshToken(), clientAddress));
            } catch (SignInException e) {
                if (e.failure() == SignInFailure.UNAVAILABLE && !tokens.expired(identity.clock.instant())) {
                    LOG.warning(() -> "Token refresh postponed: " + e.getMessage());
                    return;
                }
                throw e;
            }
        }
    }

    /** Ends the session at identity (best effort) and here. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        current(request).ifPresent(user -> identity.logout(user.tokens().refreshToken()));
        end(session);
    }

    /** Ends the HTTP session without asking identity (its session already ended there). */
    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            end(session);
        }
    }

    private static void end(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException e) {
            // Already invalidated by a concurrent request of the same session: the outcome is the same.
        }
    }
}
