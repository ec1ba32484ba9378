package io.plinth.workplace.records;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a published app model (docs/app-model.md) into what the workplace shows. view-service has
 * validated it; anything that still does not fit is a {@link MalformedModelException}.
 */
final class AppModelParser {

    /** The model does not have the shape the workplace expects. */
    static final class MalformedModelException extends Exception {

        private static final long serialVersionUID = 1L;

        MalformedModelException(String message) {
            super(message);
        }
    }

    private AppModelParser() {
    }

    static AppModel parse(JsonObject model, int version) throws MalformedModelException {
        try {
            List<ModelType> types = objects(model, "types").stream().map(AppModelParser::type).toList();
            List<ModelForm> forms = objects(model, "forms").stream().map(AppModelParser::form).toList();
            Map<String, String> formTypes = forms.stream()
                    .collect(Collectors.toMap(ModelForm::key, ModelForm::type, (a, b) -> a));
            List<ModelList> lists = objects(model, "lists").stream().map(AppModelParser::list).toList();
            Map<String, String> listTypes = lists.stream()
                    .collect(Collectors.toMap(ModelList::key, ModelList::type, (a, b) -> a));
            List<NavigationEntry> navigation = new ArrayList<>();
            for (JsonObject item : objects(model, "navigation")) {
                flatten(item, 0, listTypes, formTypes, navigation);
            }
            if (navigation.isEmpty()) {
                types.forEach(t -> navigation.add(new NavigationEntry(t.key(), t.label(), null, 0, t.key(), null,
                        false)));
            }
            return new AppModel(model.getString("key"), model.getString("name"), version, types, forms, lists,
                    navigation);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new MalformedModelException("the app model does not fit the workplace: " + e);
        }
    }

    private static ModelType type(JsonObject type) {
        String key = type.getString("key");
        return new ModelType(key, label(type, key), objects(type, "fields").stream().map(AppModelParser::field)
                .toList());
    }

    private static ModelField field(JsonObject field) {
        String key = field.getString("key");
        JsonObject reference = field.get("reference") instanceof JsonObject r ? r : null;
        List<String> values = field.get("values") instanceof JsonArray array
                ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : List.of();
        return new ModelField(key, label(field, key), FieldKind.of(field.getString("type")),
                field.getBoolean("required", false), field.getBoolean("computed", false),
                field.getInt("length", 255), values, reference == null ? null : reference.getString("type"),
                reference != null && "many".equals(reference.getString("cardinality", "one")),
                field.containsKey("default") ? field.get("default").toString() : null);
    }

    private static ModelForm form(JsonObject form) {
        List<ModelForm.Section> sections = objects(form, "sections").stream().map(section -> {
            int columns = Math.max(1, Math.min(section.getInt("columns", 1), 4));
            return new ModelForm.Section(section.getString("title", ""), columns, objects(section, "fields").stream()
                    .map(f -> new ModelForm.Field(f.getString("field"), Math.max(1, Math.min(f.getInt("column", 1),
                            columns)), f.getString("label", null), f.getBoolean("readOnly", false),
                            conditions(f, "visibleWhen"), conditions(f, "readOnlyWhen")))
                    .toList());
        }).toList();
        return new ModelForm(form.getString("key"), form.getString("type"), sections);
    }

    private static List<Condition> conditions(JsonObject parent, String member) {
        return objects(parent, member).stream().map(c -> {
            JsonValue value = c.get("value");
            List<String> values = value == null || value.getValueType() == JsonValue.ValueType.NULL ? List.of()
                    : value instanceof JsonArray array ? array.stream().map(AppModelParser::scalar).toList()
                    : List.of(scalar(value));
            return new Condition(c.getString("field"), c.getString("op"), values);
        }).toList();
    }

    private static ModelList list(JsonObject list) {
        List<ModelList.Column> columns = objects(list, "columns").stream()
                .map(c -> new ModelList.Column(c.getString("field"), c.getString("label", null))).toList();
        List<String> filters = objects(list, "filter").stream().map(AppModelParser::filter).toList();
        List<String> sort = objects(list, "sort").stream()
                .map(s -> ("desc".equals(s.getString("direction", "asc")) ? "-" : "") + s.getString("field")).toList();
        return new ModelList(list.getString("key"), list.getString("type"), columns, filters, sort,
                list.getInt("pageSize", 20));
    }

    /** A condition as catalogs' {@code filter=field:op:value}; lists become {@code a,b} with commas escaped. */
    static String filter(JsonObject condition) {
        String prefix = condition.getString("field") + ":" + condition.getString("op");
        JsonValue value = condition.get("value");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return prefix;
        }
        String text = value instanceof JsonArray array
                ? array.stream().map(v -> scalar(v).replace("\\", "\\\\").replace(",", "\\,"))
                        .collect(Collectors.joining(","))
                : scalar(value);
        return prefix + ":" + text;
    }

    private static String scalar(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : value.toString();
    }

    private static void flatten(JsonObject item, int depth, Map<String, String> listTypes,
                                Map<String, String> formTypes, List<NavigationEntry> into) {
        String key = item.getString("key");
        String label = item.getString("label", key);
        String icon = item.getString("icon", null);
        if (item.get("list") instanceof JsonString list && listTypes.containsKey(list.getString())) {
            into.add(new NavigationEntry(key, label, icon, depth, listTypes.get(list.getString()), list.getString(),
                    false));
        } else if (item.get("form") instanceof JsonString form && formTypes.containsKey(form.getString())) {
            into.add(new NavigationEntry(key, label, icon, depth, formTypes.get(form.getString()), null, true));
        } else {
            into.add(new NavigationEntry(key, label, icon, depth, null, null, false));
            for (JsonObject child : objects(item, "children")) {
                flatten(child, depth + 1, listTypes, formTypes, into);
            }
        }
    }

    private static List<JsonObject> objects(JsonObject parent, String member) {
        return parent.get(member) instanceof JsonArray array ? array.getValuesAs(JsonObject.class) : List.of();
    }

    /** The builder's name, else the key made readable: {@code due_date} becomes "Due date". */
    static String label(JsonObject named, String key) {
        String name = named.getString("name", "");
        if (!name.isBlank()) {
            return name;
        }
        String words = key.replace('_', ' ').replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
