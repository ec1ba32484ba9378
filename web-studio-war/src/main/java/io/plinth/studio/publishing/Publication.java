package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import io.plinth.web.api.ApiAnswer.FieldProblem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A publication as view-service reports it: a publish, rollback or import going through its steps
 * to {@code active} or {@code failed} (with the step it failed in, a reason and the model's problems).
 */
public record Publication(String id, String kind, String status, String step, boolean unchanged, String reason,
                          List<FieldProblem> errors, Integer baseVersion, Integer version, Integer sourceVersion,
                          String requestedBy, OffsetDateTime requestedAt, OffsetDateTime finishedAt,
                          List<Step> steps, PublishPlan plan) implements Serializable {

    /** One step: its name, the participant doing it, its status and what it reported. */
    public record Step(String name, String participant, String status, String detail) implements Serializable {
    }

    public Publication {
        errors = List.copyOf(errors);
        steps = List.copyOf(steps);
    }

    static Publication of(JsonObject json) {
        if (Answers.text(json, "id") == null || Answers.text(json, "status") == null) {
            throw new IllegalArgumentException("a publication without id or status");
        }
        List<Step> steps = PublishPlan.objects(json.get("steps")).stream()
                .map(s -> new Step(Answers.text(s, "name"), Answers.text(s, "participant"), Answers.text(s, "status"),
                        Answers.text(s, "detail")))
                .toList();
        return new Publication(Answers.text(json, "id"), Answers.text(json, "kind"), Answers.text(json, "status"),
                Answers.text(json, "step"), Answers.flag(json, "unchanged"), Answers.text(json, "reason"),
                Problem.findings(json.get("errors") instanceof JsonArray errors ? errors : null),
                Answers.integer(json, "baseVersion"), Answers.integer(json, "version"),
                Answers.integer(json, "sourceVersion"), Answers.text(json, "requestedBy"),
                Answers.time(json, "requestedAt"), Answers.time(json, "finishedAt"), steps,
                json.get("plan") instanceof JsonObject plan ? PublishPlan.of(plan) : PublishPlan.NONE);
    }

    /** Still going: {@code validating} or {@code applying}. */
    public boolean isRunning() {
        return "validating".equals(status) || "applying".equals(status);
    }

    public boolean isFailed() {
        return "failed".equals(status);
    }

    public boolean isActive() {
        return "active".equals(status);
    }

    /** catalogs refused to drop data nobody confirmed: publishing again with the confirmation would go on. */
    public boolean needsDataLossConfirmation() {
        return isFailed() && reason != null && reason.contains("data-loss-not-confirmed");
    }
}
