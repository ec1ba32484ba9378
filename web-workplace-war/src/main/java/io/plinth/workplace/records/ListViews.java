package io.plinth.workplace.records;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The saved views of one list for one user, kept as one preference (docs/services.md, web-workplace):
 * {@code {"default": "Open", "views": [{"name", "columns": [...], "filters": {field: text}, "sort": [...]}]}}.
 * A stored value that does not fit (changed through the API by hand) is read as far as it fits.
 */
public record ListViews(List<ListView> views, String defaultView) implements Serializable {

    public static final int MAX_VIEWS = 20;
    public static final int MAX_NAME = 60;
    public static final int MAX_FILTER = 200;

    private static final int MAX_KEY = 100;

    /** Why a view cannot be saved: the key of the sentence saying so. */
    public static final class InvalidViewException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidViewException(String messageKey) {
            super(messageKey);
        }

        public String messageKey() {
            return getMessage();
        }
    }

    public ListViews {
        views = List.copyOf(views);
    }

    public static ListViews none() {
        return new ListViews(List.of(), null);
    }

    /**
     * The preference key of a list ({@code list} when the model names one, else the type's
     * columns): readable when it fits the store's 100 characters, else a digest of the same names.
     */
    public static String preferenceKey(String app, String type, String list) {
        String key = "list-views." + app + "." + (list == null ? "type." + type : list);
        if (key.length() <= MAX_KEY && key.matches("[a-z][a-z0-9._-]*")) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "list-views.h" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public Optional<ListView> find(String name) {
        return views.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Optional<ListView> defaultOne() {
        return defaultView == null ? Optional.empty() : find(defaultView);
    }

    /** With {@code view} added, or replacing the view of the same name; the default when {@code makeDefault}. */
    public ListViews with(ListView view, boolean makeDefault) throws InvalidViewException {
        String name = view.name() == null ? "" : view.name().strip();
        if (name.isEmpty()) {
            throw new InvalidViewException("views.invalid.name");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidViewException("views.invalid.nameLength");
        }
        if (view.filters().values().stream().anyMatch(f -> f.length() > MAX_FILTER)) {
            throw new InvalidViewException("views.invalid.filterLength");
        }
        List<ListView> kept = new ArrayList<>(views.stream().filter(v -> !v.name().equals(name)).toList());
        if (kept.size() >= MAX_VIEWS) {
            throw new InvalidViewException("views.invalid.tooMany");
        }
        kept.add(new ListView(name, view.columns(), view.filters(), view.sort()));
        return new ListViews(kept, makeDefault ? name : name.equals(defaultView) ? null : defaultView);
    }

    public ListViews without(String name) {
        return new ListViews(views.stream().filter(v -> !v.name().equals(name)).toList(),
                name.equals(defaultView) ? null : defaultView);
    }

    public String toJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ListView view : views) {
            JsonObjectBuilder filters = Json.createObjectBuilder();
            view.filters().forEach(filters::add);
            array.add(Json.createObjectBuilder()
                    .add("name", view.name())
                    .add("columns", Json.createArrayBuilder(view.columns()))
                    .add("filters", filters)
                    .add("sort", Json.createArrayBuilder(view.sort())));
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (defaultView != null) {
            json.add("default", defaultView);
        }
        return json.add("views", array).build().toString();
    }

    public static ListViews fromJson(String text) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.read() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException e) {
            return none();
        }
        List<ListView> views = new ArrayList<>();
        if (json.get("views") instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonObject view && view.get("name") instanceof JsonString name
                        && !name.getString().isBlank() && views.stream().noneMatch(v -> v.name().equals(name.getString()))) {
                    views.add(new ListView(name.getString(), texts(view.get("columns")), filters(view.get("filters")),
                            texts(view.get("sort"))));
                }
            }
        }
        String defaultView = json.get("default") instanceof JsonString name ? name.getString() : null;
        return new ListViews(views, defaultView);
    }

    private static List<String> texts(JsonValue value) {
        return value instanceof JsonArray array ? array.stream().filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString()).toList() : List.of();
    }

    private static Map<String, String> filters(JsonValue value) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (value instanceof JsonObject object) {
            object.forEach((field, text) -> {
                if (text instanceof JsonString string) {
                    filters.put(field, string.getString());
                }
            });
        }
        return filters;
    }
}
