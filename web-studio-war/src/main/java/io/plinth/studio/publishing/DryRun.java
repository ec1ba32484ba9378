package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import io.plinth.web.api.ApiAnswer.FieldProblem;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;

/**
 * What publishing the draft now would do, without doing it: the model's problems ({@code findings},
 * when view-service refuses it), or the plan and whether catalogs can apply it.
 */
public record DryRun(boolean valid, boolean publishable, boolean unchanged, Long draftRevision,
                     List<FieldProblem> findings, String refusal, PublishPlan plan) implements Serializable {

    public DryRun {
        findings = List.copyOf(findings);
    }

    static DryRun of(JsonObject json) {
        if (!(json.get("plan") instanceof JsonObject plan)) {
            throw new IllegalArgumentException("a dry run without a plan");
        }
        return new DryRun(true, Answers.flag(json, "publishable"), Answers.flag(json, "unchanged"),
                json.containsKey("draftRevision") ? Answers.whole(json, "draftRevision") : null, List.of(), null,
                PublishPlan.of(plan));
    }

    /** view-service found the model invalid: every finding, with its path into the model. */
    static DryRun refused(String detail, List<FieldProblem> findings) {
        return new DryRun(false, false, false, null, findings, detail, PublishPlan.NONE);
    }

    /** Publishing needs the explicit confirmation: catalogs' plan has steps that may destroy stored values. */
    public boolean needsDataLossConfirmation() {
        return plan.dataLoss();
    }
}
