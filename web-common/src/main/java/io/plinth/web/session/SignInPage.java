package io.plinth.web.session;

import io.plinth.web.faces.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Backs the sign-in page: the credentials go to identity from the server, and on success the
 * browser moves on to the page it first asked for. A failure is a sentence, never a code.
 * Request-scoped, so the password is never kept in the session; the target page rides along in
 * the view's parameters.
 */
@Named
@RequestScoped
public class SignInPage {

    private static final Logger LOG = Logger.getLogger(SignInPage.class.getName());

    @Inject
    WebSessions sessions;

    private String login;
    private String password;
    private String next;
    private String reason;

    /** Runs before the page renders: a signed-in user has nothing to do here; a reason becomes a message. */
    public void open() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (sessions.current(request(faces)).isPresent()) {
            redirect(faces);
            return;
        }
        String known = SignInRoutes.knownReason(reason);
        if (known != null) {
            String text = Messages.text("signin.reason." + known);
            if (SignInRoutes.SIGNED_OUT.equals(known)) {
                Messages.info(null, text);
            } else {
                Messages.warn(null, text);
            }
        }
    }

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            sessions.signIn(request(faces), login.strip(), password);
            redirect(faces);
        } catch (SignInException e) {
            LOG.info(() -> "Sign-in refused (" + e.failure().code() + "): " + e.getMessage());
            Messages.error(null, Messages.text("signin.failure." + e.failure().code()));
        } finally {
            password = null;
        }
    }

    private void redirect(FacesContext faces) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + SignInRoutes.safeTarget(next));
        faces.responseComplete();
    }

    private static HttpServletRequest request(FacesContext faces) {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
