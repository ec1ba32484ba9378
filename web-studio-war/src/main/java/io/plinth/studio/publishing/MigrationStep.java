package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import java.io.Serializable;

/** One step of catalogs' migration plan: its kind, what it does, its SQL, and whether it may destroy data. */
public record MigrationStep(String kind, String description, String sql, boolean dataLoss, String risk)
        implements Serializable {

    static MigrationStep of(JsonObject json) {
        return new MigrationStep(Answers.text(json, "kind"), Answers.text(json, "description"),
                Answers.text(json, "sql"), Answers.flag(json, "dataLoss"), Answers.text(json, "risk"));
    }
}
