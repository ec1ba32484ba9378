package io.plinth.workplace.web;

import io.plinth.web.session.SignInRoutes;
import io.plinth.web.session.WebSessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a form post lands whose page the workplace no longer knows (its view state is gone or was
 * never this session's): nothing of it was done. Without a signed-in session the browser goes to
 * the sign-in page, told the session expired; with one, back to the start page.
 */
@WebServlet("/expired")
public class ExpiredViewServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    WebSessions sessions;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + (sessions.current(request).isEmpty()
                ? SignInRoutes.signInPath(SignInRoutes.EXPIRED, null) : SignInRoutes.HOME));
    }
}
