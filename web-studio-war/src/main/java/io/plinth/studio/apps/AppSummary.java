package io.plinth.studio.apps;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** An app as the studio's list shows it. Versions are null until the app has been published. */
public record AppSummary(String key, String name, String description, Integer activeVersion, Integer latestVersion,
                         OffsetDateTime updatedAt, String updatedBy) implements Serializable {

    /** Never published: only such an app may be deleted (versions are history). */
    public boolean isDraftOnly() {
        return latestVersion == null;
    }

    /** Reads one item of view-service's app list; throws IllegalArgumentException when it is not one. */
    static AppSummary of(JsonObject app) {
        if (!(app.get("key") instanceof JsonString key) || !(app.get("name") instanceof JsonString name)) {
            throw new IllegalArgumentException("an app without key or name");
        }
        return new AppSummary(key.getString(), name.getString(), text(app, "description"),
                number(app, "activeVersion"), number(app, "latestVersion"), time(app, "draftUpdatedAt"),
                text(app, "draftUpdatedBy"));
    }

    private static String text(JsonObject app, String member) {
        return app.get(member) instanceof JsonString value ? value.getString() : null;
    }

    private static Integer number(JsonObject app, String member) {
        return app.get(member) instanceof JsonNumber value ? value.intValueExact() : null;
    }

    private static OffsetDateTime time(JsonObject app, String member) {
        String value = text(app, member);
        return value == null ? null : OffsetDateTime.parse(value);
    }
}
