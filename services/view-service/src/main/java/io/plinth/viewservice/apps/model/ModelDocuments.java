package io.plinth.viewservice.apps.model;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Reading, normalising and fingerprinting model documents. */
public final class ModelDocuments {

    /** A model is at most 2 MiB of JSON. */
    public static final int MAX_MODEL_BYTES = 2 * 1024 * 1024;

    private ModelDocuments() {
    }

    /** A stored document. */
    public static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** The model with {@code modelVersion} first (added when absent); everything else as written. */
    public static JsonObject normalized(JsonObject model) {
        JsonObjectBuilder result = Json.createObjectBuilder().add("modelVersion", ModelValidator.MODEL_VERSION);
        model.forEach((name, value) -> {
            if (!name.equals("modelVersion")) {
                result.add(name, value);
            }
        });
        return result.build();
    }

    /** The model under another app key. */
    public static JsonObject withKey(JsonObject model, String key) {
        return Json.createObjectBuilder(model).add("key", key).build();
    }

    /**
     * The model without the {@code previousKey} of its fields. Renames are declared against the active
     * version: once published, or when content is published again, they no longer apply. With
     * {@code applied} given, only the renames it also declares are removed.
     */
    public static JsonObject withoutRenames(JsonObject model, JsonObject applied) {
        if (!(model.get("types") instanceof JsonArray types)) {
            return model;
        }
        JsonArrayBuilder newTypes = Json.createArrayBuilder();
        for (JsonValue type : types) {
            if (!(type instanceof JsonObject typeObject) || !(typeObject.get("fields") instanceof JsonArray fields)) {
                newTypes.add(type);
                continue;
            }
            JsonObject appliedType = applied == null ? null : findByKey(applied.get("types"), keyOf(typeObject));
            JsonArrayBuilder newFields = Json.createArrayBuilder();
            for (JsonValue field : fields) {
                newFields.add(field instanceof JsonObject f && f.containsKey("previousKey")
                        && (applied == null || sameRename(f, appliedType)) ? Json.createObjectBuilder(f)
                        .remove("previousKey").build() : field);
            }
            newTypes.add(Json.createObjectBuilder(typeObject).add("fields", newFields));
        }
        return Json.createObjectBuilder(model).add("types", newTypes).build();
    }

    private static boolean sameRename(JsonObject field, JsonObject appliedType) {
        if (appliedType == null) {
            return false;
        }
        JsonObject applied = findByKey(appliedType.get("fields"), keyOf(field));
        return applied != null && field.get("previousKey").equals(applied.get("previousKey"));
    }

    /** Whether two models say the same, renames aside. */
    public static boolean sameContent(JsonObject a, JsonObject b) {
        return withoutRenames(a, null).equals(withoutRenames(b, null));
    }

    /** The SHA-256 of the document's JSON text, in hex: how events and exports name a version's content. */
    public static String checksum(String json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static int sizeInBytes(JsonObject model) {
        return model.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** The member of the array {@code list} whose {@code key} is {@code key}, or null. */
    static JsonObject findByKey(JsonValue list, String key) {
        for (JsonValue item : array(list)) {
            if (item instanceof JsonObject object && key != null && key.equals(keyOf(object))) {
                return object;
            }
        }
        return null;
    }

    static List<JsonValue> array(JsonValue value) {
        return value instanceof JsonArray array ? array : List.of();
    }

    private static String keyOf(JsonObject object) {
        return object.get("key") instanceof JsonString key ? key.getString() : null;
    }
}
