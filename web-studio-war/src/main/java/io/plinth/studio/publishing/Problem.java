package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import io.plinth.web.api.ApiAnswer.FieldProblem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.util.List;

/**
 * Why catalogs will not take a change (the dry run's participant {@code problem}): its status (0:
 * no answer), code, explanation and the model paths it names.
 */
public record Problem(int status, String code, String detail, List<FieldProblem> errors) implements Serializable {

    public Problem {
        errors = List.copyOf(errors);
    }

    static Problem of(JsonObject json) {
        String detail = Answers.text(json, "reason") != null ? Answers.text(json, "reason") : Answers.text(json, "detail");
        return new Problem(Answers.integer(json, "status") == null ? 0 : Answers.integer(json, "status"),
                Answers.text(json, "code"), detail, findings(json.get("errors") instanceof JsonArray a ? a : null));
    }

    /** The {@code errors} of a publication or a problem: a JSON path and a message each. */
    static List<FieldProblem> findings(JsonArray errors) {
        if (errors == null) {
            return List.of();
        }
        return errors.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(e -> e.get("message") instanceof JsonString)
                .map(e -> new FieldProblem(e.get("field") instanceof JsonString f ? f.getString() : "",
                        e.getString("message")))
                .toList();
    }
}
