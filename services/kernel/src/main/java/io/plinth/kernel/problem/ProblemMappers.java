package io.plinth.kernel.problem;

import io.plinth.kernel.logging.RequestContext;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error a REST resource can raise, turned into application/problem+json. Never a stack trace. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    static Response respond(Problem problem, UriInfo uri) {
        return problem.toResponse(uri == null ? null : uri.getRequestUri().getPath(), RequestContext.requestId());
    }

    @Provider
    public static class ForProblem implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return respond(e.problem(), uri);
        }
    }

    @Provider
    public static class ForConstraintViolation implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldError::field))
                    .toList();
            return respond(Problem.validation(errors), uri);
        }

        /** {@code create.arg0.name} becomes {@code name}: clients know fields, not Java parameters. */
        private static String fieldPath(ConstraintViolation<?> v) {
            String path = v.getPropertyPath().toString();
            String[] parts = path.split("\\.", 3);
            return parts.length == 3 ? parts[2] : parts[parts.length - 1];
        }
    }

    @Provider
    public static class ForUnreadableBody implements ExceptionMapper<JsonbException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonbException e) {
            return respond(Problem.of(400, "malformed-body", "The request body could not be read",
                    "The body is not valid JSON for this request"), uri);
        }
    }

    @Provider
    public static class ForProcessing implements ExceptionMapper<ProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessingException e) {
            return respond(Problem.of(400, "malformed-body", "The request body could not be read",
                    "The body is not valid JSON for this request"), uri);
        }
    }

    @Provider
    public static class ForWebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (e.getCause() instanceof JsonbException || status == 400 && e.getCause() != null) {
                return respond(Problem.of(400, "malformed-body", "The request body could not be read",
                        "The body is not valid JSON for this request"), uri);
            }
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known == null ? "HTTP " + status : known.getReasonPhrase();
            String code = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            return respond(Problem.of(status, code, title, null), uri);
        }
    }

    @Provider
    public static class ForUnexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(ForUnexpected.class.getName());

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
            return respond(Problem.of(500, "internal-error", "Internal error",
                    "The request failed on the server; quote reference " + reference + " to an administrator"), uri);
        }
    }
}
