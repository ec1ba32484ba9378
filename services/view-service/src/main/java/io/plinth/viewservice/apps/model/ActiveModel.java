package io.plinth.viewservice.apps.model;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads of the active version's model, which was valid when it was published. */
final class ActiveModel {

    private ActiveModel() {
    }

    /** The field keys of type {@code typeKey} in {@code model}, or null when it has no such type. */
    static Set<String> fieldKeys(JsonObject model, String typeKey) {
        JsonObject type = ModelDocuments.findByKey(model.get("types"), typeKey);
        if (type == null) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (JsonValue field : ModelDocuments.array(type.get("fields"))) {
            if (field instanceof JsonObject object && object.get("key") instanceof JsonString key) {
                keys.add(key.getString());
            }
        }
        return keys;
    }
}
