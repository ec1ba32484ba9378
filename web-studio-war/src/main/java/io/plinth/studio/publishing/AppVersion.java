package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A published version of an app: its number, whether it is active, where it came from, when and by whom. */
public record AppVersion(int version, boolean active, String origin, Integer sourceVersion,
                         OffsetDateTime publishedAt, String publishedBy) implements Serializable {

    static AppVersion of(JsonObject json) {
        Integer number = Answers.integer(json, "version");
        if (number == null) {
            throw new IllegalArgumentException("a version without a number");
        }
        return new AppVersion(number, Answers.flag(json, "active"), Answers.text(json, "origin"),
                Answers.integer(json, "sourceVersion"), Answers.time(json, "publishedAt"),
                Answers.text(json, "publishedBy"));
    }
}
