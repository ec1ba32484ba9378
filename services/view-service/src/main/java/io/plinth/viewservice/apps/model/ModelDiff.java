package io.plinth.viewservice.apps.model;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two models, as a list a person can read and a program can act on. Items of
 * arrays that have keys (types, fields, forms, lists, navigation items, roles, slot entries;
 * access rules by role and type) are matched by key, so paths name them:
 * {@code types[customer].fields[credit].precision}. A field whose {@code previousKey} names a field
 * of the old model is reported as renamed, then compared with it. Other arrays compare whole.
 */
public final class ModelDiff {

    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String CHANGED = "changed";
    public static final String RENAMED = "renamed";
    public static final String REORDERED = "reordered";

    /** One difference. {@code from} is absent for an addition, {@code to} for a removal. */
    public record Change(String path, String change, JsonValue from, JsonValue to) {

        public JsonObject toJson() {
            JsonObjectBuilder json = Json.createObjectBuilder().add("path", path).add("change", change);
            if (from != null) {
                json.add("from", from);
            }
            if (to != null) {
                json.add("to", to);
            }
            return json.build();
        }
    }

    private final List<Change> changes = new ArrayList<>();

    private ModelDiff() {
    }

    /** The changes that turn {@code from} (null: nothing yet) into {@code to}. */
    public static List<Change> between(JsonObject from, JsonObject to) {
        ModelDiff diff = new ModelDiff();
        diff.objects("", from == null ? JsonValue.EMPTY_JSON_OBJECT : from, to);
        return List.copyOf(diff.changes);
    }

    /** {@code {changes: [...], summary: {added, removed, changed, renamed, reordered}}}. */
    public static JsonObject describe(List<Change> changes) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String kind : List.of(ADDED, REMOVED, CHANGED, RENAMED, REORDERED)) {
            counts.put(kind, 0);
        }
        for (Change change : changes) {
            list.add(change.toJson());
            counts.merge(change.change(), 1, Integer::sum);
        }
        JsonObjectBuilder summary = Json.createObjectBuilder();
        counts.forEach(summary::add);
        return Json.createObjectBuilder().add("changes", list).add("summary", summary).build();
    }

    private void objects(String path, JsonObject a, JsonObject b) {
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            if (name.equals("previousKey") || name.equals("modelVersion") && path.isEmpty()) {
                continue;
            }
            JsonValue x = a.get(name);
            JsonValue y = b.get(name);
            String at = path.isEmpty() ? name : path + "." + name;
            if (absent(x) && absent(y)) {
                continue;
            }
            if (absent(x)) {
                changes.add(new Change(at, ADDED, null, y));
            } else if (absent(y)) {
                changes.add(new Change(at, REMOVED, x, null));
            } else {
                values(at, x, y);
            }
        }
    }

    /** A missing member, null, and an empty array all mean "nothing". */
    private static boolean absent(JsonValue value) {
        return value == null || value == JsonValue.NULL || value instanceof JsonArray array && array.isEmpty();
    }

    private void values(String path, JsonValue x, JsonValue y) {
        if (x.equals(y)) {
            return;
        }
        if (x instanceof JsonObject a && y instanceof JsonObject b) {
            objects(path, a, b);
        } else if (x instanceof JsonArray a && y instanceof JsonArray b && keyed(a) && keyed(b)) {
            keyedArrays(path, a, b);
        } else {
            changes.add(new Change(path, CHANGED, x, y));
        }
    }

    private void keyedArrays(String path, JsonArray a, JsonArray b) {
        Map<String, JsonObject> before = byIdentity(a);
        Map<String, JsonObject> after = byIdentity(b);
        Map<String, String> renamedFrom = new HashMap<>();
        after.forEach((id, item) -> {
            if (item.get("previousKey") instanceof JsonString previous && !id.equals(previous.getString())
                    && before.containsKey(previous.getString()) && !after.containsKey(previous.getString())
                    && !before.containsKey(id)) {
                renamedFrom.put(id, previous.getString());
            }
        });
        for (Map.Entry<String, JsonObject> old : before.entrySet()) {
            if (!after.containsKey(old.getKey()) && !renamedFrom.containsValue(old.getKey())) {
                changes.add(new Change(item(path, old.getKey()), REMOVED, old.getValue(), null));
            }
        }
        for (Map.Entry<String, JsonObject> now : after.entrySet()) {
            String id = now.getKey();
            String at = item(path, id);
            String previous = renamedFrom.get(id);
            if (previous != null) {
                changes.add(new Change(at, RENAMED, Json.createValue(previous), Json.createValue(id)));
                objects(at, withoutKey(before.get(previous)), withoutKey(now.getValue()));
            } else if (!before.containsKey(id)) {
                changes.add(new Change(at, ADDED, null, now.getValue()));
            } else {
                values(at, before.get(id), now.getValue());
            }
        }
        order(path, before, after, renamedFrom);
    }

    /** Reports a new order of the items both arrays have (renamed ones under their new key). */
    private void order(String path, Map<String, JsonObject> before, Map<String, JsonObject> after,
                       Map<String, String> renamedFrom) {
        Map<String, String> renamedTo = new HashMap<>();
        renamedFrom.forEach((to, from) -> renamedTo.put(from, to));
        List<String> oldOrder = new ArrayList<>();
        for (String id : before.keySet()) {
            String now = renamedTo.getOrDefault(id, id);
            if (after.containsKey(now)) {
                oldOrder.add(now);
            }
        }
        List<String> newOrder = new ArrayList<>();
        for (String id : after.keySet()) {
            if (before.containsKey(id) || renamedFrom.containsKey(id)) {
                newOrder.add(id);
            }
        }
        if (!oldOrder.equals(newOrder)) {
            changes.add(new Change(path, REORDERED, strings(oldOrder), strings(newOrder)));
        }
    }

    /** Whether every item has an identity and no two share one. */
    private static boolean keyed(JsonArray array) {
        Set<String> seen = new LinkedHashSet<>();
        for (JsonValue value : array) {
            String id = identity(value);
            if (id == null || !seen.add(id)) {
                return false;
            }
        }
        return true;
    }

    /** An item's {@code key}, or {@code role/type} for an access rule; null when it has neither. */
    private static String identity(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            return null;
        }
        if (object.get("key") instanceof JsonString key) {
            return key.getString();
        }
        if (object.get("role") instanceof JsonString role && object.get("type") instanceof JsonString type) {
            return role.getString() + "/" + type.getString();
        }
        return null;
    }

    private static Map<String, JsonObject> byIdentity(JsonArray array) {
        Map<String, JsonObject> items = new LinkedHashMap<>();
        for (JsonValue value : array) {
            items.put(identity(value), value.asJsonObject());
        }
        return items;
    }

    private static JsonObject withoutKey(JsonObject item) {
        return Json.createObjectBuilder(item).remove("key").build();
    }

    private static String item(String path, String id) {
        return path + "[" + id + "]";
    }

    private static JsonArray strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }
}
