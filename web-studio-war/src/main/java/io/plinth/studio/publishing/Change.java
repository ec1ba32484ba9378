package io.plinth.studio.publishing;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;

/**
 * One difference between two models as view-service's diff names it: where ({@code path}), what
 * happened ({@code added}, {@code removed}, {@code changed}, {@code renamed}, {@code reordered}),
 * and the values before and after as short text (null when there is none).
 */
public record Change(String path, String change, String from, String to) implements Serializable {

    /** Longer values are cut: the page shows a change, not a whole type. */
    static final int MAX_VALUE = 300;

    static Change of(JsonObject json) {
        return new Change(Answers.text(json, "path"), Answers.text(json, "change"), value(json.get("from")),
                value(json.get("to")));
    }

    /** Text as it is, anything else as compact JSON. */
    static String value(JsonValue value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof JsonString string ? string.getString() : value.toString();
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "\u2026";
    }
}
