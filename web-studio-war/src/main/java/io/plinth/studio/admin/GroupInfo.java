package io.plinth.studio.admin;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import java.io.Serializable;

/** A group of users; {@code parent} is the parent group's key, null at the top. */
public record GroupInfo(String key, String name, String description, String parent) implements Serializable {

    static GroupInfo of(JsonObject json) {
        if (Answers.text(json, "key") == null) {
            throw new IllegalArgumentException("a group without a key");
        }
        return new GroupInfo(Answers.text(json, "key"), Answers.text(json, "name"), Answers.text(json, "description"),
                Answers.text(json, "parent"));
    }
}
