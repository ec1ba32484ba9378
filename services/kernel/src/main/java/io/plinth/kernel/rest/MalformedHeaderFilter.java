package io.plinth.kernel.rest;

import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.problem.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * Answers a malformed {@code Content-Type} or {@code Accept} header with a problem. The JAX-RS
 * runtime fails on such headers before any exception mapper runs, with an HTML error page.
 */
public class MalformedHeaderFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String invalid = firstInvalid(request);
        if (invalid == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(400);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problem.of(400, "malformed-header", "A request header is not valid",
                "The " + invalid + " header is not a valid media type").toJson(request.getRequestURI(),
                RequestContext.requestId()));
    }

    private static String firstInvalid(HttpServletRequest request) {
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !parses(contentType)) {
            return "Content-Type";
        }
        String accept = request.getHeader("Accept");
        if (accept != null) {
            for (String type : accept.split(",")) {
                if (!type.isBlank() && !parses(type.strip())) {
                    return "Accept";
                }
            }
        }
        return null;
    }

    private static boolean parses(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
