package io.plinth.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * The signed-in user of the current request, for pages (their name in the top bar, signing out)
 * and for beans that call the platform on their behalf. {@link SignInFilter} guarantees there is
 * one on every page but the public ones.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    @Inject
    WebSessions sessions;

    public String getDisplayName() {
        return user().displayName();
    }

    public String getLogin() {
        return user().login();
    }

    /** A fresh access token: the filter refreshed it, if it was due, before the page began. */
    public String accessToken() {
        return user().accessToken();
    }

    public void signOut() throws IOException {
        sessions.signOut(request);
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath()
                + SignInRoutes.signInPath(SignInRoutes.SIGNED_OUT, null));
        faces.responseComplete();
    }

    private SignedInUser user() {
        return sessions.current(request).orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }
}
