package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import java.io.Serializable;

/** Where an app stands: its name, active and latest version (null before the first publication), draft revision. */
public record AppState(String key, String name, Integer activeVersion, Integer latestVersion, Long draftRevision)
        implements Serializable {

    static AppState of(JsonObject json) {
        if (Answers.text(json, "key") == null) {
            throw new IllegalArgumentException("an app without a key");
        }
        return new AppState(Answers.text(json, "key"), Answers.text(json, "name"), Answers.integer(json, "activeVersion"),
                Answers.integer(json, "latestVersion"),
                json.containsKey("draftRevision") ? Answers.whole(json, "draftRevision") : null);
    }
}
