package io.plinth.web.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Lets only signed-in users past, and keeps their access token fresh before the page uses it.
 * Anyone else goes to the sign-in page, told why when their session expired or ended, and comes
 * back to the page they asked for once signed in. Signed-in pages are never cached: after signing
 * out, Back must not show them.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SignInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    WebSessions sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = path(request);
        if (SignInRoutes.isPublic(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignedInUser> user = sessions.current(request);
        if (user.isEmpty()) {
            // A session id the server no longer knows: the session timed out (or the server restarted).
            boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            redirect(request, response, expired ? SignInRoutes.EXPIRED : null, target(request, path));
            return;
        }
        try {
            sessions.keepFresh(user.get(), request.getRemoteAddr());
        } catch (SignInException e) {
            sessions.end(request);
            redirect(request, response, e.failure() == SignInFailure.UNAVAILABLE ? SignInRoutes.UNAVAILABLE
                    : SignInRoutes.ENDED, target(request, path));
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    /**
     * The path inside the application as the container resolved it (decoded, dot segments and path
     * parameters gone), so that no spelling of a URL reaches a page the check did not see.
     */
    private static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }

    /** The page to come back to: only a page that was being opened, never a form post. */
    private static String target(HttpServletRequest request, String path) {
        if (!"GET".equals(request.getMethod()) || isFacesAjax(request)) {
            return null;
        }
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /**
     * Faces Ajax requests (a poll, a button) expect a partial response: a plain redirect would be
     * read as a broken answer, so they get a partial response that tells the page to go there.
     */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String reason, String next)
            throws IOException {
        String url = request.getContextPath() + SignInRoutes.signInPath(reason, next);
        if (isFacesAjax(request)) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url.replace("&", "&amp;") + "\"></redirect></partial-response>");
            return;
        }
        response.sendRedirect(url);
    }

    private static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }
}
