package io.plinth.viewservice.apps.model;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What end users see of the data types: forms (sections, columns, field order, read-only and
 * visibility conditions), lists (columns, default filter and sort) and the navigation between them.
 */
final class ViewRules {

    static final int MAX_FORMS = 500;
    static final int MAX_LISTS = 500;
    static final int MAX_SECTIONS = 50;
    static final int MAX_SECTION_FIELDS = 300;
    static final int MAX_FORM_COLUMNS = 4;
    static final int MAX_LIST_COLUMNS = 100;
    static final int MAX_SORT = 10;
    static final int MAX_NAVIGATION_ITEMS = 200;
    static final int MAX_NAVIGATION_DEPTH = 3;
    static final List<String> DIRECTIONS = List.of("asc", "desc");

    private static final Set<String> FORM = Set.of("key", "name", "description", "type", "sections");
    private static final Set<String> SECTION = Set.of("title", "columns", "fields");
    private static final Set<String> FORM_FIELD = Set.of("field", "label", "column", "readOnly", "visibleWhen",
            "readOnlyWhen");
    private static final Set<String> LIST = Set.of("key", "name", "description", "type", "columns", "filter", "sort",
            "pageSize");
    private static final Set<String> LIST_COLUMN = Set.of("field", "label", "width");
    private static final Set<String> SORT = Set.of("field", "direction");
    private static final Set<String> NAVIGATION = Set.of("key", "label", "icon", "form", "list", "children");

    private final Findings findings;
    private final Map<String, Map<String, FieldInfo>> types;
    private final ConditionRules conditions;

    ViewRules(Findings findings, Map<String, Map<String, FieldInfo>> types) {
        this.findings = findings;
        this.types = types;
        this.conditions = new ConditionRules(findings);
    }

    /** Checks {@code forms} and answers the keys of the forms. */
    Set<String> forms(JsonObject model, String root) {
        Set<String> keys = new LinkedHashSet<>();
        JsonArray forms = findings.array(model, "forms", root, MAX_FORMS, "forms");
        if (forms == null) {
            return keys;
        }
        String path = Findings.at(root, "forms");
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject form = findings.object(forms.get(i), at, "a form object {key, type, sections}");
            if (form == null) {
                continue;
            }
            findings.onlyKnown(form, at, FORM, "a form");
            unique(findings.key(form, "key", at, Keys.ITEM, Keys.ITEM_RULE), at, firstPath, keys);
            findings.text(form, "name", at, false, TypeRules.MAX_NAME);
            findings.text(form, "description", at, false, TypeRules.MAX_DESCRIPTION);
            String type = type(form, at);
            sections(form, at, type, types.get(type));
        }
        return keys;
    }

    private void sections(JsonObject form, String formPath, String type, Map<String, FieldInfo> fields) {
        JsonArray sections = findings.array(form, "sections", formPath, MAX_SECTIONS, "sections");
        String path = Findings.at(formPath, "sections");
        if (sections == null || sections.isEmpty()) {
            if (!form.containsKey("sections") || sections != null) {
                findings.error(path, "a form needs at least one section");
            }
            return;
        }
        Map<String, String> placed = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject section = findings.object(sections.get(i), at, "a section object {title, columns, fields}");
            if (section == null) {
                continue;
            }
            findings.onlyKnown(section, at, SECTION, "a form section");
            findings.text(section, "title", at, false, TypeRules.MAX_NAME);
            int columns = findings.integer(section, "columns", at, 1, MAX_FORM_COLUMNS, 1);
            JsonArray entries = findings.array(section, "fields", at, MAX_SECTION_FIELDS, "fields");
            if (entries == null || entries.isEmpty()) {
                findings.error(Findings.at(at, "fields"), "a section needs at least one field");
                continue;
            }
            for (int j = 0; j < entries.size(); j++) {
                String entryPath = Findings.at(Findings.at(at, "fields"), j);
                JsonObject entry = findings.object(entries.get(j), entryPath, "an object {field, column, readOnly}");
                if (entry != null) {
                    formField(entry, entryPath, columns, type, fields, placed);
                }
            }
        }
    }

    private void formField(JsonObject entry, String path, int columns, String type, Map<String, FieldInfo> fields,
                           Map<String, String> placed) {
        findings.onlyKnown(entry, path, FORM_FIELD, "a form field");
        FieldInfo field = TypeRules.field(findings, entry, "field", path, type, fields);
        if (field != null) {
            String first = placed.putIfAbsent(field.key(), path);
            if (first != null) {
                findings.error(Findings.at(path, "field"), "'" + field.key() + "' is already on this form at " + first);
            }
        }
        findings.text(entry, "label", path, false, TypeRules.MAX_NAME);
        findings.integer(entry, "column", path, 1, columns, 1);
        findings.flag(entry, "readOnly", path);
        conditions.check(entry, "visibleWhen", path, type, fields);
        conditions.check(entry, "readOnlyWhen", path, type, fields);
    }

    /** Checks {@code lists} and answers the keys of the lists. */
    Set<String> lists(JsonObject model, String root) {
        Set<String> keys = new LinkedHashSet<>();
        JsonArray lists = findings.array(model, "lists", root, MAX_LISTS, "lists");
        if (lists == null) {
            return keys;
        }
        String path = Findings.at(root, "lists");
        Map<String, String> firstPath = new HashMap<>();
        for (int i = 0; i < lists.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject list = findings.object(lists.get(i), at, "a list object {key, type, columns}");
            if (list == null) {
                continue;
            }
            findings.onlyKnown(list, at, LIST, "a list");
            unique(findings.key(list, "key", at, Keys.ITEM, Keys.ITEM_RULE), at, firstPath, keys);
            findings.text(list, "name", at, false, TypeRules.MAX_NAME);
            findings.text(list, "description", at, false, TypeRules.MAX_DESCRIPTION);
            findings.integer(list, "pageSize", at, 1, 500, 50);
            String type = type(list, at);
            Map<String, FieldInfo> fields = types.get(type);
            columns(list, at, type, fields);
            conditions.check(list, "filter", at, type, fields);
            sort(list, at, type, fields);
        }
        return keys;
    }

    private void columns(JsonObject list, String listPath, String type, Map<String, FieldInfo> fields) {
        JsonArray columns = findings.array(list, "columns", listPath, MAX_LIST_COLUMNS, "columns");
        String path = Findings.at(listPath, "columns");
        if (columns == null || columns.isEmpty()) {
            if (!list.containsKey("columns") || columns != null) {
                findings.error(path, "a list needs at least one column");
            }
            return;
        }
        Map<String, String> shown = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject column = findings.object(columns.get(i), at, "a column object {field, label, width}");
            if (column == null) {
                continue;
            }
            findings.onlyKnown(column, at, LIST_COLUMN, "a list column");
            FieldInfo field = TypeRules.field(findings, column, "field", at, type, fields);
            if (field != null) {
                String first = shown.putIfAbsent(field.key(), at);
                if (first != null) {
                    findings.error(Findings.at(at, "field"), "'" + field.key() + "' is already a column at " + first);
                }
            }
            findings.text(column, "label", at, false, TypeRules.MAX_NAME);
            findings.integer(column, "width", at, 20, 2000, 0);
        }
    }

    private void sort(JsonObject list, String listPath, String type, Map<String, FieldInfo> fields) {
        JsonArray sort = findings.array(list, "sort", listPath, MAX_SORT, "sort keys");
        if (sort == null) {
            return;
        }
        String path = Findings.at(listPath, "sort");
        for (int i = 0; i < sort.size(); i++) {
            String at = Findings.at(path, i);
            JsonObject entry = findings.object(sort.get(i), at, "a sort object {field, direction}");
            if (entry == null) {
                continue;
            }
            findings.onlyKnown(entry, at, SORT, "a sort key");
            FieldInfo field = TypeRules.field(findings, entry, "field", at, type, fields);
            if (field != null && field.type() != null && !field.comparable()) {
                findings.error(Findings.at(at, "field"), "cannot sort by '" + field.key() + "', a "
                        + (field.many() ? "many reference" : "json field"));
            }
            findings.choice(entry, "direction", at, DIRECTIONS, "asc");
        }
    }

    /** Checks {@code navigation}: a tree of items, each opening a form or a list, or grouping children. */
    void navigation(JsonObject model, String root, Set<String> forms, Set<String> lists) {
        JsonArray items = findings.array(model, "navigation", root, MAX_NAVIGATION_ITEMS, "navigation items");
        if (items != null) {
            navigationItems(items, Findings.at(root, "navigation"), 1, forms, lists, new HashMap<>(), new int[1]);
        }
    }

    private void navigationItems(JsonArray items, String path, int depth, Set<String> forms, Set<String> lists,
                                 Map<String, String> firstPath, int[] count) {
        for (int i = 0; i < items.size(); i++) {
            String at = Findings.at(path, i);
            if (++count[0] > MAX_NAVIGATION_ITEMS) {
                findings.error(at, "the navigation has more than " + MAX_NAVIGATION_ITEMS + " items");
                return;
            }
            JsonObject item = findings.object(items.get(i), at, "a navigation item {key, label, form | list | children}");
            if (item == null) {
                continue;
            }
            findings.onlyKnown(item, at, NAVIGATION, "a navigation item");
            unique(findings.key(item, "key", at, Keys.ITEM, Keys.ITEM_RULE), at, firstPath, new LinkedHashSet<>());
            findings.text(item, "label", at, true, TypeRules.MAX_NAME);
            findings.text(item, "icon", at, false, ModelValidator.MAX_ICON);
            int targets = (present(item, "form") ? 1 : 0) + (present(item, "list") ? 1 : 0)
                    + (present(item, "children") ? 1 : 0);
            if (targets != 1) {
                findings.error(at, "a navigation item needs exactly one of form, list or children");
            }
            target(item, "form", at, forms);
            target(item, "list", at, lists);
            if (present(item, "children")) {
                if (depth >= MAX_NAVIGATION_DEPTH) {
                    findings.error(Findings.at(at, "children"), "the navigation is at most " + MAX_NAVIGATION_DEPTH
                            + " levels deep");
                    continue;
                }
                JsonArray children = findings.array(item, "children", at, MAX_NAVIGATION_ITEMS, "navigation items");
                if (children != null) {
                    navigationItems(children, Findings.at(at, "children"), depth + 1, forms, lists, firstPath, count);
                }
            }
        }
    }

    private void target(JsonObject item, String name, String path, Set<String> known) {
        if (!present(item, name)) {
            return;
        }
        String key = findings.key(item, name, path, Keys.ITEM, Keys.ITEM_RULE);
        if (key != null && !known.contains(key)) {
            findings.error(Findings.at(path, name), "names no " + name + " of this app: '" + key + "'");
        }
    }

    private String type(JsonObject view, String path) {
        String type = findings.key(view, "type", path, Keys.TYPE, Keys.TYPE_RULE);
        if (type != null && !types.containsKey(type)) {
            findings.error(Findings.at(path, "type"), "names no type of this app: '" + type + "'");
            return null;
        }
        return type;
    }

    private void unique(String key, String path, Map<String, String> firstPath, Set<String> keys) {
        if (key == null) {
            return;
        }
        String first = firstPath.putIfAbsent(key, path);
        if (first != null) {
            findings.error(Findings.at(path, "key"), "duplicates " + first + ".key: '" + key + "'");
        }
        keys.add(key);
    }

    private static boolean present(JsonObject object, String name) {
        return object.containsKey(name) && object.get(name) != JsonValue.NULL;
    }
}
