package io.plinth.catalogs.storage;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;

/** The types applied to an app's tables, and which version of the app model they came from. */
public record AppSchema(String app, long version, List<TypeModel> types, OffsetDateTime appliedAt, String appliedBy) {

    public AppSchema {
        types = List.copyOf(types);
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("app", app)
                .add("version", version)
                .add("appliedAt", appliedAt.toInstant().toString())
                .add("appliedBy", appliedBy)
                .add("types", TypeModel.toJson(types))
                .build();
    }
}
