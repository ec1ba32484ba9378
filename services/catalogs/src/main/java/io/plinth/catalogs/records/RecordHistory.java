package io.plinth.catalogs.records;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code catalogs.record_history}: for every change of a record, who, when, the version it made
 * and the before and after values of the fields it changed, written in the change's transaction.
 */
final class RecordHistory {

    private RecordHistory() {
    }

    /** The keys of the fields whose values differ; system fields are not compared. */
    static List<String> changed(List<String> fields, JsonObject before, JsonObject after) {
        List<String> changed = new ArrayList<>();
        for (String field : fields) {
            JsonValue was = before == null ? JsonValue.NULL : before.getOrDefault(field, JsonValue.NULL);
            JsonValue is = after == null ? JsonValue.NULL : after.getOrDefault(field, JsonValue.NULL);
            if (!was.equals(is) && !(empty(was) && empty(is))) {
                changed.add(field);
            }
        }
        return changed;
    }

    private static boolean empty(JsonValue value) {
        return value == JsonValue.NULL || value.equals(JsonValue.EMPTY_JSON_ARRAY);
    }

    static void write(Connection connection, String app, String type, UUID id, long version, String operation,
                      String actor, List<String> changed, JsonObject before, JsonObject after) throws SQLException {
        JsonObjectBuilder changes = Json.createObjectBuilder();
        for (String field : changed) {
            changes.add(field, Json.createObjectBuilder()
                    .add("before", before == null ? JsonValue.NULL : before.getOrDefault(field, JsonValue.NULL))
                    .add("after", after == null ? JsonValue.NULL : after.getOrDefault(field, JsonValue.NULL)));
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO catalogs.record_history"
                + " (app, type, record_id, version, operation, changed_by, changes) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            statement.setString(1, app);
            statement.setString(2, type);
            statement.setObject(3, id);
            statement.setLong(4, version);
            statement.setString(5, operation);
            statement.setString(6, actor);
            statement.setString(7, changes.build().toString());
            statement.executeUpdate();
        }
    }
}
