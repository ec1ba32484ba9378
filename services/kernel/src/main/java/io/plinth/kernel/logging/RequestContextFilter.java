package io.plinth.kernel.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.plinth.kernel.security.Callers;
import java.io.IOException;

/** Gives every HTTP request a request id (echoed in {@code X-Request-Id}) and its trace id, for the logs. */
public class RequestContextFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String traceId = Tracing.currentTraceId();
        if (traceId == null) {
            traceId = RequestContext.traceIdOf(request.getHeader("traceparent"));
        }
        String requestId = RequestContext.begin(request.getHeader(RequestContext.REQUEST_ID_HEADER), traceId);
        RequestContext.client(request.getRemoteAddr());
        response.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            Callers.clear();
            RequestContext.end();
        }
    }
}
