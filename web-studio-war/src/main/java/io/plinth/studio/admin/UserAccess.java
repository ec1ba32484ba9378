package io.plinth.studio.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;

/** A user's effective access: groups (with their ancestors), roles (direct or through groups), permission patterns. */
public record UserAccess(String login, List<String> groups, List<String> roles, List<String> permissions)
        implements Serializable {

    public UserAccess {
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        permissions = List.copyOf(permissions);
    }

    public String permissionsText() {
        return String.join(", ", permissions);
    }

    static UserAccess of(String login, JsonObject json) {
        return new UserAccess(login, RoleInfo.strings(array(json, "groups")), RoleInfo.strings(array(json, "roles")),
                RoleInfo.strings(array(json, "permissions")));
    }

    private static JsonArray array(JsonObject json, String member) {
        return json.get(member) instanceof JsonArray a ? a : null;
    }
}
