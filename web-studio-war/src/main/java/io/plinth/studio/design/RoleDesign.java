package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.Set;

/** One of the app's own roles. */
public class RoleDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("key", "name", "description");

    private String key = "";
    private String name = "";
    private String description = "";
    private String extras;

    static RoleDesign parse(JsonObject json) {
        RoleDesign role = new RoleDesign();
        role.key = JsonValues.string(json, "key");
        role.name = JsonValues.string(json, "name");
        role.description = JsonValues.string(json, "description");
        role.extras = JsonValues.extras(json, EDITED);
        return role;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "key", key);
        JsonValues.put(json, "name", name);
        JsonValues.put(json, "description", description);
        return JsonValues.withExtras(json, extras).build();
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key == null ? "" : key.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }
}
