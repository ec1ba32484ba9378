package io.plinth.catalogs.storage;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/** One validated data type of an app model: its key, its fields and, optionally, its security partition field. */
public record TypeModel(String key, String name, String securityPartition, List<FieldModel> fields) {

    public TypeModel {
        fields = List.copyOf(fields);
    }

    public Optional<FieldModel> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("key", key);
        if (name != null) {
            json.add("name", name);
        }
        if (securityPartition != null) {
            json.add("securityPartition", securityPartition);
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        fields.forEach(f -> list.add(f.toJson()));
        return json.add("fields", list).build();
    }

    /** The normal form of a whole model's types, as catalogs keeps and shows them. */
    public static JsonArray toJson(List<TypeModel> types) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        types.forEach(t -> list.add(t.toJson()));
        return list.build();
    }
}
