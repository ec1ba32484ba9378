package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.stream.Collectors;

/** One step of catalogs' migration plan: its kind, what it does, its SQL, and whether it may destroy data. */
public record MigrationStep(String kind, String description, String sql, boolean dataLoss, String risk)
        implements Serializable {

    static MigrationStep of(JsonObject json) {
        return new MigrationStep(Answers.text(json, "kind"), Answers.text(json, "description"),
                sql(json.get("sql")), Answers.flag(json, "dataLoss"), Answers.text(json, "risk"));
    }

    /** catalogs gives a step's (and a type's security) statements as an array: one per line, each ended. */
    static String sql(JsonValue value) {
        if (value instanceof JsonString one) {
            return one.getString();
        }
        if (!(value instanceof JsonArray statements)) {
            return null;
        }
        return statements.stream().filter(JsonString.class::isInstance).map(s -> ((JsonString) s).getString().strip())
                .map(s -> s.endsWith(";") ? s : s + ";").collect(Collectors.joining("\n"));
    }
}
