package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An app's draft model as the designers edit it: its types, forms, lists, roles and access rules
 * as editable objects, and everything else in the document (key, icon, owners, navigation, the
 * slots) kept as it was read. {@link #toJson()} gives the model to save; for a model read and not
 * changed it is the model read.
 */
public class DraftDocument implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("name", "description", "types", "forms", "lists", "roles",
            "access");
    /** The system fields forms, lists and conditions may name besides a type's own, with their field types. */
    static final Map<String, String> SYSTEM_FIELDS = Map.of("id", "text", "created_at", "timestamp",
            "created_by", "user", "updated_at", "timestamp", "updated_by", "user", "owner", "user");
    private static final List<String> SYSTEM_ORDER = List.of("id", "created_at", "created_by", "updated_at",
            "updated_by", "owner");

    private String name = "";
    private String description = "";
    private final List<TypeDesign> types = new ArrayList<>();
    private final List<FormDesign> forms = new ArrayList<>();
    private final List<ListDesign> lists = new ArrayList<>();
    private final List<RoleDesign> roles = new ArrayList<>();
    private final List<AccessDesign> access = new ArrayList<>();
    /** The sections the model had, if empty: they read back as they were. */
    private final Set<String> listed = new java.util.HashSet<>();
    private String extras;

    public static DraftDocument parse(JsonObject model) {
        DraftDocument draft = new DraftDocument();
        draft.name = JsonValues.string(model, "name");
        draft.description = JsonValues.string(model, "description");
        draft.read(model, "types", TypeDesign::parse, draft.types);
        draft.read(model, "forms", FormDesign::parse, draft.forms);
        draft.read(model, "lists", ListDesign::parse, draft.lists);
        draft.read(model, "roles", RoleDesign::parse, draft.roles);
        draft.read(model, "access", AccessDesign::parse, draft.access);
        draft.extras = JsonValues.extras(model, EDITED);
        return draft;
    }

    private <T> void read(JsonObject model, String section, Function<JsonObject, T> parser, List<T> into) {
        if (model.get(section) instanceof JsonArray array) {
            listed.add(section);
            array.getValuesAs(JsonObject.class).forEach(item -> into.add(parser.apply(item)));
        }
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (extras != null) {
            // modelVersion and key first, as view-service stores them.
            JsonObject kept = JsonValues.parse(extras).asJsonObject();
            for (String first : List.of("modelVersion", "key")) {
                if (kept.containsKey(first)) {
                    json.add(first, kept.get(first));
                }
            }
        }
        JsonValues.put(json, "name", name);
        JsonValues.put(json, "description", description);
        FieldTypes fieldTypes = this::fieldType;
        write(json, "types", types, TypeDesign::toJson);
        write(json, "forms", forms, f -> f.toJson(fieldTypes));
        write(json, "lists", lists, l -> l.toJson(fieldTypes));
        write(json, "roles", roles, RoleDesign::toJson);
        write(json, "access", access, a -> a.toJson(fieldTypes));
        return JsonValues.withExtras(json, extras).build();
    }

    private <T> void write(JsonObjectBuilder json, String section, List<T> items, Function<T, JsonObject> writer) {
        if (listed.contains(section) || !items.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(writer.apply(item)));
            json.add(section, array);
        }
    }

    /** The field type of a type's field or of a system field; null when there is no such field. */
    String fieldType(String typeKey, String fieldKey) {
        TypeDesign type = type(typeKey);
        FieldDesign field = type == null ? null : type.field(fieldKey);
        return field != null ? field.getType() : SYSTEM_FIELDS.get(fieldKey);
    }

    /** The type with {@code key}, or null. */
    public TypeDesign type(String key) {
        return types.stream().filter(t -> t.getKey().equals(key)).findFirst().orElse(null);
    }

    /** What a form, list or rule on the type may name: its fields, then the system fields. */
    public List<String> fieldChoices(String typeKey) {
        TypeDesign type = type(typeKey);
        List<String> choices = new ArrayList<>(type == null ? List.of() : type.getFieldKeys());
        choices.addAll(SYSTEM_ORDER);
        return choices;
    }

    public List<String> getTypeKeys() {
        return types.stream().map(TypeDesign::getKey).filter(k -> !k.isBlank()).toList();
    }

    public List<String> getRoleKeys() {
        return roles.stream().map(RoleDesign::getKey).filter(k -> !k.isBlank()).toList();
    }

    public void addType() {
        TypeDesign type = new TypeDesign();
        types.add(type);
    }

    public void removeType(TypeDesign type) {
        Moves.remove(types, type);
    }

    public void addForm() {
        FormDesign form = FormDesign.create(firstTypeKey());
        forms.add(form);
    }

    public void removeForm(FormDesign form) {
        Moves.remove(forms, form);
    }

    public void addList() {
        ListDesign list = ListDesign.create(firstTypeKey());
        lists.add(list);
    }

    public void removeList(ListDesign list) {
        Moves.remove(lists, list);
    }

    public void addRole() {
        RoleDesign role = new RoleDesign();
        roles.add(role);
    }

    public void removeRole(RoleDesign role) {
        Moves.remove(roles, role);
    }

    public void addAccess() {
        AccessDesign rule = new AccessDesign();
        List<String> roleKeys = getRoleKeys();
        rule.setRole(roleKeys.isEmpty() ? "" : roleKeys.get(roleKeys.size() - 1));
        rule.setType(firstTypeKey());
        access.add(rule);
    }

    public void removeAccess(AccessDesign rule) {
        Moves.remove(access, rule);
    }

    private String firstTypeKey() {
        List<String> keys = getTypeKeys();
        return keys.isEmpty() ? "" : keys.get(0);
    }

    public List<TypeDesign> getTypes() {
        return types;
    }

    public List<FormDesign> getForms() {
        return forms;
    }

    public List<ListDesign> getLists() {
        return lists;
    }

    public List<RoleDesign> getRoles() {
        return roles;
    }

    public List<AccessDesign> getAccess() {
        return access;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description;
    }
}
