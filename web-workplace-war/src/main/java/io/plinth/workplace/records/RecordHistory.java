package io.plinth.workplace.records;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * catalogs' history of a record ({@code GET .../{id}/history}: newest first, hidden fields left
 * out) as the record page shows it: values as the list shows them, fields by their labels in the
 * type's order, the signed-in user's own changes as "you".
 */
final class RecordHistory {

    /** The words the page uses: operations by catalogs' name, yes/no, "you", none. */
    record Words(Map<String, String> operations, String yes, String no, String you, String none) {
    }

    private RecordHistory() {
    }

    /**
     * {@code userId} is the signed-in user's id; {@code labels} gives the labels of references by
     * field key (ids it does not know stay ids).
     */
    static List<HistoryEntry> entries(List<JsonObject> items, ModelType type, String userId, Words words,
                                      Function<String, Map<String, String>> labels) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (JsonObject item : items) {
            JsonObject changes = item.get("changes") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
            List<HistoryEntry.Change> shown = new ArrayList<>();
            for (ModelField field : type.fields()) {
                if (changes.get(field.key()) instanceof JsonObject change) {
                    Map<String, String> referenceLabels = field.kind() == FieldKind.REFERENCE
                            ? labels.apply(field.key()) : Map.of();
                    shown.add(new HistoryEntry.Change(field.label(),
                            text(field, change.get("before"), words, referenceLabels),
                            text(field, change.get("after"), words, referenceLabels)));
                }
            }
            String operation = item.getString("operation", "");
            String who = item.get("changedBy") instanceof JsonString by ? by.getString() : "";
            entries.add(new HistoryEntry(item.get("version") instanceof JsonNumber n ? n.longValue() : 0,
                    words.operations().getOrDefault(operation, operation),
                    item.get("changedAt") instanceof JsonString at ? RecordValues.timestamp(at.getString()) : "",
                    !who.isEmpty() && who.equals(userId) ? words.you() : who, shown));
        }
        return entries;
    }

    private static String text(ModelField field, JsonValue value, Words words, Map<String, String> labels) {
        String text = RecordValues.display(field, value, words.yes(), words.no(), labels);
        return text.isEmpty() ? words.none() : text;
    }

    /** The ids a history's reference fields name, by field key: their labels are read in one query per field. */
    static Map<String, List<String>> referencedIds(List<JsonObject> items, ModelType type) {
        Map<String, List<String>> ids = new java.util.HashMap<>();
        for (JsonObject item : items) {
            if (!(item.get("changes") instanceof JsonObject changes)) {
                continue;
            }
            for (ModelField field : type.fields()) {
                if (field.kind() == FieldKind.REFERENCE && changes.get(field.key()) instanceof JsonObject change) {
                    for (String side : List.of("before", "after")) {
                        if (change.get(side) instanceof JsonString id) {
                            ids.computeIfAbsent(field.key(), k -> new ArrayList<>()).add(id.getString());
                        } else {
                            ids.computeIfAbsent(field.key(), k -> new ArrayList<>()).addAll(RecordValues.ids(change.get(side)));
                        }
                    }
                }
            }
        }
        return ids;
    }

    /**
     * The user id ({@code sub}) of a platform access token. Only read, never trusted: the token
     * came from identity through the session, and the id only chooses the word "you".
     */
    static String subject(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length < 2) {
            return "";
        }
        try (var reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            return reader.readObject().getString("sub", "");
        } catch (RuntimeException e) {
            return "";
        }
    }
}
