package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.List;

/**
 * One condition {@code {field, op, value}} of a row rule, a filter or a form's visible-when and
 * read-only-when. The value is typed in, or one of the model's variables: the current user
 * ({@code $user.id}) or the current user's groups ({@code $user.groups}).
 */
public class ConditionDesign implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String VALUE = "value";
    public static final String CURRENT_USER = "user";
    public static final String CURRENT_GROUPS = "groups";
    static final String USER_ID = "$user.id";
    static final String USER_GROUPS = "$user.groups";
    private static final List<String> LIST_OPS = List.of("in", "not-in");
    private static final List<String> NO_VALUE_OPS = List.of("is-null", "is-not-null");

    private String field = "";
    private String op = "eq";
    private String source = VALUE;
    private EditableValue value = EditableValue.empty();

    static ConditionDesign parse(JsonObject json) {
        ConditionDesign condition = new ConditionDesign();
        condition.field = JsonValues.string(json, "field");
        condition.op = JsonValues.string(json, "op");
        JsonValue value = json.get("value");
        if (value instanceof JsonString string && string.getString().equals(USER_ID)) {
            condition.source = CURRENT_USER;
        } else if (value instanceof JsonString string && string.getString().equals(USER_GROUPS)) {
            condition.source = CURRENT_GROUPS;
        } else {
            condition.value = new EditableValue(value);
        }
        return condition;
    }

    /** {@code fieldType}: the type of the field the condition names, which its value is typed for. */
    JsonObject toJson(String fieldType) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "field", field);
        JsonValues.put(json, "op", op);
        if (isNeedsValue()) {
            switch (source) {
                case CURRENT_USER -> json.add("value", USER_ID);
                case CURRENT_GROUPS -> json.add("value", USER_GROUPS);
                default -> JsonValues.put(json, "value", value.toJson(fieldType, LIST_OPS.contains(op)));
            }
        }
        return json.build();
    }

    /** is-null and is-not-null compare with nothing. */
    public boolean isNeedsValue() {
        return !NO_VALUE_OPS.contains(op);
    }

    public boolean isTyped() {
        return isNeedsValue() && VALUE.equals(source);
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field == null ? "" : field;
    }

    public String getOp() {
        return op;
    }

    public void setOp(String op) {
        this.op = op;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source == null ? VALUE : source;
    }

    public EditableValue getValue() {
        return value;
    }
}
