package io.plinth.studio.publishing;

import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;

/** What changed from version {@code from} to {@code to} ("draft" for the draft). */
public record Diff(String from, String to, List<Change> changes, String summary) implements Serializable {

    public Diff {
        changes = List.copyOf(changes);
    }

    static Diff of(String from, String to, JsonObject json) {
        return new Diff(from, to, PublishPlan.objects(json.get("changes")).stream().map(Change::of).toList(),
                PublishPlan.summary(json.get("summary")));
    }
}
