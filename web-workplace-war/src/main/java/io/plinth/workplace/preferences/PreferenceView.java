package io.plinth.workplace.preferences;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;

/** A preference as the REST API shows it: the value is the stored JSON itself, not a string. */
public record PreferenceView(String user, String key, JsonValue value, OffsetDateTime updatedAt, long version) {

    static PreferenceView of(UserPreference preference) {
        try (var reader = Json.createReader(new StringReader(preference.value()))) {
            return new PreferenceView(preference.userLogin(), preference.key(), reader.readValue(),
                    preference.updatedAt(), preference.version());
        }
    }
}
