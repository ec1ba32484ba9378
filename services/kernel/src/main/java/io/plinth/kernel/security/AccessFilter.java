package io.plinth.kernel.security;

import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every REST call of every service passes here before its resource method: the bearer token is
 * verified, the caller set for the thread ({@link Callers}), and the method's
 * {@link RequiresPermission} checked. Only {@link PublicEndpoint} methods answer without a token.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

    @Context
    ResourceInfo resource;

    @Inject
    AccessTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        Callers.clear();
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        boolean open = annotation(method, PublicEndpoint.class) != null;
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            if (!open) {
                deny(request, Callers.unauthenticated(
                        "Sign in first: send a platform access token as 'Authorization: Bearer <token>'"), null);
            }
            return;
        }
        Optional<String> token = BearerToken.in(authorization);
        if (token.isEmpty()) {
            if (!open) {
                deny(request, Callers.unauthenticated("Only bearer tokens are accepted"), "invalid_request");
            }
            return;
        }
        try {
            Callers.set(tokens.verify(token.get()));
        } catch (InvalidTokenException e) {
            if (!open) {
                LOG.fine(() -> "Refused token: " + e.getMessage());
                deny(request, Callers.unauthenticated("The access token was refused: " + e.getMessage()),
                        "invalid_token");
            }
            return;
        } catch (KeysUnavailableException e) {
            LOG.warning(() -> e.getMessage() + ": " + e.getCause());
            deny(request, new ProblemException(Problem.of(503, "auth-unavailable", "Cannot check sign-ins now",
                    "The platform's signing keys cannot be fetched from identity; try again shortly")), null);
            return;
        }
        RequiresPermission required = annotation(method, RequiresPermission.class);
        if (required != null && !open) {
            Caller caller = Callers.required();
            if (!caller.may(required.value())) {
                deny(request, Caller.forbidden(required.value()), null);
            }
        }
    }

    private static void deny(ContainerRequestContext request, ProblemException problem, String bearerError) {
        Response.ResponseBuilder response = Response.fromResponse(problem.problem().toResponse(
                request.getUriInfo().getRequestUri().getPath(), RequestContext.requestId()));
        if (problem.problem().status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, bearerError == null
                    ? "Bearer realm=\"plinth\"" : "Bearer realm=\"plinth\", error=\"" + bearerError + "\"");
        }
        request.abortWith(response.build());
    }

    private <A extends java.lang.annotation.Annotation> A annotation(Method method, Class<A> type) {
        A onMethod = method.getAnnotation(type);
        return onMethod != null ? onMethod : ((AnnotatedElement) resource.getResourceClass()).getAnnotation(type);
    }
}
