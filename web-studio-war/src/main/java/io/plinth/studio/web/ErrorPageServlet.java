package io.plinth.studio.web;

import io.plinth.kernel.logging.RequestContext;
import io.plinth.web.session.SignInRoutes;
import io.plinth.web.session.WebSessions;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The studio's error pages: a short explanation and a way back, never exception text. Plain
 * servlet output, so they still render when the failure is in Faces. The request id lets an
 * administrator find the details in the log. A form sent after the session ended leads back to
 * the sign-in page instead, with the reason.
 */
@WebServlet(urlPatterns = {"/error", "/not-found", "/expired"})
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    WebSessions sessions;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getServletPath().substring(1);
        if ("expired".equals(page) && sessions.current(request).isEmpty()) {
            response.sendRedirect(request.getContextPath() + SignInRoutes.signInPath(SignInRoutes.EXPIRED, null));
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        response.setStatus(code instanceof Integer status ? status : statusOf(page));
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        ResourceBundle messages = ResourceBundle.getBundle("io.plinth.studio.messages", Locale.ENGLISH);
        String requestId = response.getHeader(RequestContext.REQUEST_ID_HEADER);
        String home = request.getContextPath() + "/";
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:system-ui,sans-serif;margin:4rem auto;max-width:36rem;color:#333}
                h1{font-size:1.4rem}small{color:#777}</style></head>
                <body><h1>%s</h1><p>%s</p><p><a href="%s">%s</a></p>%s</body></html>
                """.formatted(messages.getString("studio.name"),
                messages.getString("error." + page + ".title"),
                messages.getString("error." + page + ".text"),
                home, messages.getString("error.home"),
                requestId == null ? "" : "<p><small>" + messages.getString("error.requestId") + " "
                        + requestId + "</small></p>"));
    }

    private static int statusOf(String page) {
        return switch (page) {
            case "not-found" -> HttpServletResponse.SC_NOT_FOUND;
            case "expired" -> HttpServletResponse.SC_BAD_REQUEST;
            default -> HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        };
    }
}
