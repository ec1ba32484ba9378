package io.plinth.kernel.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem. {@code code} is the stable, documented error code clients switch on;
 * {@code title} and {@code detail} are for people; {@code errors} lists invalid fields.
 */
public record Problem(int status, String code, String title, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://plinth.dev/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(400, "validation-failed", "The request is not valid",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are not valid", errors);
    }

    public String toJson(String instance, String requestId) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", TYPE_BASE + code)
                .add("title", title)
                .add("status", status)
                .add("code", code);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        if (requestId != null) {
            json.add("requestId", requestId);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        return json.build().toString();
    }

    public Response toResponse(String instance, String requestId) {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson(instance, requestId)).build();
    }
}
