package io.plinth.viewservice.apps;

import io.plinth.viewservice.apps.model.ModelDocuments;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.OffsetDateTime;

/** A publication as the REST API shows it: state, failing step and reason, steps, plan. */
final class PublicationView {

    private PublicationView() {
    }

    static JsonObject of(Publication p, String appKey) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", p.id().toString())
                .add("app", appKey)
                .add("kind", p.kind())
                .add("status", p.status())
                .add("step", p.step())
                .add("unchanged", p.isUnchanged())
                .add("confirmDataLoss", p.confirmDataLoss());
        optional(json, "reason", p.reason());
        if (p.errors() != null) {
            json.add("errors", Json.createReader(new StringReader(p.errors())).readArray());
        }
        optional(json, "baseVersion", p.baseVersion());
        optional(json, "version", p.version());
        optional(json, "sourceVersion", p.sourceVersion());
        optional(json, "draftRevision", p.draftRevision());
        optional(json, "requestedBy", p.requestedBy());
        optional(json, "requestedAt", p.requestedAt());
        optional(json, "updatedAt", p.updatedAt());
        optional(json, "finishedAt", p.finishedAt());
        JsonArrayBuilder steps = Json.createArrayBuilder();
        for (PublicationStep step : p.steps()) {
            JsonObjectBuilder s = Json.createObjectBuilder()
                    .add("name", step.name())
                    .add("participant", step.participant())
                    .add("status", step.status());
            optional(s, "startedAt", step.startedAt());
            optional(s, "finishedAt", step.finishedAt());
            optional(s, "detail", step.detail());
            steps.add(s);
        }
        json.add("steps", steps);
        if (p.plan() != null) {
            json.add("plan", ModelDocuments.parse(p.plan()));
        }
        return json.build();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof String text) {
            json.add(name, text);
        } else if (value instanceof Integer number) {
            json.add(name, number);
        } else if (value instanceof Long number) {
            json.add(name, number);
        } else if (value instanceof OffsetDateTime time) {
            json.add(name, time.toString());
        }
    }
}
