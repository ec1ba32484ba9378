package io.plinth.studio.admin;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.util.List;

/** A role: its key, name, the permission patterns it grants, and whether it is built in (never changed). */
public record RoleInfo(String key, String name, String description, boolean builtIn, List<String> permissions)
        implements Serializable {

    public RoleInfo {
        permissions = List.copyOf(permissions);
    }

    static RoleInfo of(JsonObject json) {
        if (Answers.text(json, "key") == null) {
            throw new IllegalArgumentException("a role without a key");
        }
        return new RoleInfo(Answers.text(json, "key"), Answers.text(json, "name"), Answers.text(json, "description"),
                Answers.flag(json, "builtIn"), strings(json.get("permissions") instanceof JsonArray a ? a : null));
    }

    public String permissionsText() {
        return String.join(", ", permissions);
    }

    static List<String> strings(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
    }
}
