package io.plinth.catalogs.storage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * One step of a migration plan: what it does for people, the SQL it runs, whether it may destroy
 * stored values ({@code dataLoss}, with {@code lossCheck} the query that tells, before anything
 * runs, whether it really would) and what could make it fail ({@code risk}); a failing step
 * rolls the whole plan back.
 */
public record MigrationStep(String kind, String description, List<String> sql, boolean dataLoss, String lossCheck,
                            String risk) {

    public MigrationStep {
        sql = List.copyOf(sql);
        if (dataLoss && lossCheck == null) {
            throw new IllegalArgumentException("A data-losing step needs the query that tells whether it loses data");
        }
    }

    static MigrationStep of(String kind, String description, List<String> sql) {
        return new MigrationStep(kind, description, sql, false, null, null);
    }

    static MigrationStep risky(String kind, String description, List<String> sql, String risk) {
        return new MigrationStep(kind, description, sql, false, null, risk);
    }

    static MigrationStep losing(String kind, String description, List<String> sql, String lossCheck, String risk) {
        return new MigrationStep(kind, description, sql, true, lossCheck, risk);
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("kind", kind)
                .add("description", description)
                .add("sql", Json.createArrayBuilder(sql))
                .add("dataLoss", dataLoss);
        if (risk != null) {
            json.add("risk", risk);
        }
        return json.build();
    }
}
