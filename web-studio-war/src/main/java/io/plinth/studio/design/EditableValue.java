package io.plinth.studio.design;

import jakarta.json.JsonValue;
import java.io.Serializable;

/**
 * A value the builder edits as text (a default, a condition's value). Until the text changes,
 * the value stays the JSON it was loaded as, so that saving an untouched model gives back exactly
 * what was read ({@code "0"} stays a string, {@code 0} a number).
 */
public class EditableValue implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String loaded;
    private final String loadedText;
    private String text;

    EditableValue(JsonValue value) {
        this.loaded = value == null ? null : value.toString();
        this.loadedText = JsonValues.text(value);
        this.text = loadedText;
    }

    static EditableValue empty() {
        return new EditableValue(null);
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text;
    }

    /** The value for a field of {@code fieldType}, a list of them when {@code list}; null when blank. */
    JsonValue toJson(String fieldType, boolean list) {
        if (loaded != null && text.equals(loadedText)) {
            return JsonValues.parse(loaded);
        }
        return list ? JsonValues.list(text, fieldType) : JsonValues.value(text, fieldType);
    }
}
