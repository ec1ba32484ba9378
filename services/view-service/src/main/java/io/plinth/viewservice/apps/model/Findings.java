package io.plinth.viewservice.apps.model;

import io.plinth.kernel.problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What is wrong with a model, each problem at its path ({@code types[1].fields[3].reference.type}),
 * and the typed reads that find those problems. A badly broken document (say, generated) would
 * otherwise answer with thousands of errors: the first {@value #MAX_ERRORS} are enough to fix it by.
 */
final class Findings {

    static final int MAX_ERRORS = 100;

    private final List<FieldError> errors = new ArrayList<>();

    void error(String path, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new FieldError(path, message));
        }
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    static String at(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String at(String path, int index) {
        return path + "[" + index + "]";
    }

    /** Reports every member of {@code object} not in {@code allowed}: a typo must not pass silently. */
    void onlyKnown(JsonObject object, String path, Set<String> allowed, String what) {
        for (String name : object.keySet()) {
            if (!allowed.contains(name)) {
                error(at(path, name), "is not a property of " + what);
            }
        }
    }

    /** The object at {@code path}, or null (reported) when the value is something else. */
    JsonObject object(JsonValue value, String path, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        error(path, "must be " + what);
        return null;
    }

    /** The array member {@code name}: null when absent, or when (reported) not an array or too long. */
    JsonArray array(JsonObject parent, String name, String path, int max, String what) {
        JsonValue value = parent.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        String at = at(path, name);
        if (!(value instanceof JsonArray array)) {
            error(at, "must be an array of " + what);
            return null;
        }
        if (array.size() > max) {
            error(at, "has " + array.size() + " " + what + "; at most " + max + " are allowed");
            return null;
        }
        return array;
    }

    /** A string member: null when absent (reported if required), blank, too long or not a string. */
    String text(JsonObject parent, String name, String path, boolean required, int max) {
        JsonValue value = parent.get(name);
        String at = at(path, name);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                error(at, "is required");
            }
            return null;
        }
        return text(value, at, max);
    }

    String text(JsonValue value, String path, int max) {
        if (!(value instanceof JsonString string)) {
            error(path, "must be a string");
            return null;
        }
        String text = string.getString();
        if (text.isBlank()) {
            error(path, "must not be blank");
            return null;
        }
        if (text.length() > max) {
            error(path, "must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    /** A key member: a required string matching {@code syntax}; null (reported) otherwise. */
    String key(JsonObject parent, String name, String path, Pattern syntax, String rule) {
        JsonValue value = parent.get(name);
        String at = at(path, name);
        if (value == null || value == JsonValue.NULL) {
            error(at, "is required");
            return null;
        }
        return key(value, at, syntax, rule);
    }

    String key(JsonValue value, String path, Pattern syntax, String rule) {
        if (!(value instanceof JsonString string)) {
            error(path, "must be a string");
            return null;
        }
        if (!syntax.matcher(string.getString()).matches()) {
            error(path, rule);
            return null;
        }
        return string.getString();
    }

    /** A boolean member: false when absent; JSON true or false only. */
    boolean flag(JsonObject parent, String name, String path) {
        JsonValue value = parent.get(name);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        error(at(path, name), "must be true or false");
        return false;
    }

    /** A whole-number member within bounds: {@code fallback} when absent or (reported) invalid. */
    int integer(JsonObject parent, String name, String path, int min, int max, int fallback) {
        JsonValue value = parent.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        String at = at(path, name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            error(at, "must be a whole number");
            return fallback;
        }
        if (number.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(min)) < 0
                || number.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            error(at, "must be between " + min + " and " + max);
            return fallback;
        }
        return number.intValue();
    }

    /** A member that must be one of {@code choices}: {@code fallback} when absent or (reported) invalid. */
    String choice(JsonObject parent, String name, String path, List<String> choices, String fallback) {
        JsonValue value = parent.get(name);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        String at = at(path, name);
        if (!(value instanceof JsonString string) || !choices.contains(string.getString())) {
            error(at, "must be one of " + String.join(", ", choices));
            return fallback;
        }
        return string.getString();
    }
}
