package io.plinth.web.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A service's answer: its status and its JSON object (empty when there was none). For a problem
 * ({@code application/problem+json}) the {@code code}, {@code detail} and field {@code errors}.
 */
public record ApiAnswer(int status, JsonObject body) {

    /** One entry of a problem's {@code errors}: the JSON path of the input and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String code() {
        return body.getString("code", "");
    }

    /** The problem's explanation for people, else its title, else the bare status. */
    public String detail() {
        return body.getString("detail", body.getString("title", "HTTP " + status));
    }

    public List<FieldProblem> errors() {
        if (!(body.get("errors") instanceof jakarta.json.JsonArray errors)) {
            return List.of();
        }
        return errors.stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast)
                .filter(e -> e.get("field") instanceof JsonString && e.get("message") instanceof JsonString)
                .map(e -> new FieldProblem(e.getString("field"), e.getString("message")))
                .toList();
    }

    static ApiAnswer empty(int status) {
        return new ApiAnswer(status, JsonValue.EMPTY_JSON_OBJECT);
    }
}
