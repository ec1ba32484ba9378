package io.plinth.catalogs.storage;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * The ordered steps that turn an app's applied types into new ones.
 *
 * @param fromVersion the applied version the plan starts from, null when the app has none
 * @param toVersion   the version the plan brings, null for a dry run without one
 */
public record MigrationPlan(String app, Long fromVersion, Long toVersion, List<MigrationStep> steps) {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    public boolean dataLoss() {
        return steps.stream().anyMatch(MigrationStep::dataLoss);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("app", app);
        if (fromVersion != null) {
            json.add("fromVersion", fromVersion);
        } else {
            json.addNull("fromVersion");
        }
        if (toVersion != null) {
            json.add("toVersion", toVersion);
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        steps.forEach(s -> list.add(s.toJson()));
        return json.add("dataLoss", dataLoss()).add("steps", list).build();
    }
}
