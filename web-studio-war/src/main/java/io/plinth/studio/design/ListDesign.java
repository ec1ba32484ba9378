package io.plinth.studio.design;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A list over one type: columns, default filter and sort, page size. */
public class ListDesign implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> EDITED = Set.of("key", "name", "type", "columns", "filter", "sort", "pageSize");

    private String key = "";
    private String name = "";
    private String type = "";
    private final List<ColumnDesign> columns = new ArrayList<>();
    private ConditionList filter = new ConditionList();
    private final List<SortDesign> sort = new ArrayList<>();
    private boolean sortListed;
    private String pageSize = "";
    private String extras;

    static ListDesign parse(JsonObject json) {
        ListDesign list = new ListDesign();
        list.key = JsonValues.string(json, "key");
        list.name = JsonValues.string(json, "name");
        list.type = JsonValues.string(json, "type");
        if (json.get("columns") instanceof JsonArray array) {
            array.getValuesAs(JsonObject.class).forEach(c -> list.columns.add(ColumnDesign.parse(c)));
        }
        list.filter = ConditionList.parse(json.get("filter"));
        if (json.get("sort") instanceof JsonArray array) {
            list.sortListed = true;
            array.getValuesAs(JsonObject.class).forEach(s -> list.sort.add(SortDesign.parse(s)));
        }
        list.pageSize = JsonValues.numberText(json.get("pageSize"));
        list.extras = JsonValues.extras(json, EDITED);
        return list;
    }

    static ListDesign create(String typeKey) {
        ListDesign list = new ListDesign();
        list.type = typeKey;
        return list;
    }

    JsonObject toJson(FieldTypes types) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        JsonValues.put(json, "key", key);
        JsonValues.put(json, "name", name);
        JsonValues.put(json, "type", type);
        JsonArrayBuilder array = Json.createArrayBuilder();
        columns.forEach(c -> array.add(c.toJson()));
        json.add("columns", array);
        filter.putInto(json, "filter", f -> types.of(type, f));
        if (sortListed || !sort.isEmpty()) {
            JsonArrayBuilder sorts = Json.createArrayBuilder();
            sort.forEach(s -> sorts.add(s.toJson()));
            json.add("sort", sorts);
        }
        JsonValues.put(json, "pageSize", JsonValues.number(pageSize));
        return JsonValues.withExtras(json, extras).build();
    }

    public void addColumn() {
        columns.add(new ColumnDesign());
    }

    public void removeColumn(ColumnDesign column) {
        Moves.remove(columns, column);
    }

    public void moveUp(ColumnDesign column) {
        Moves.up(columns, column);
    }

    public void moveDown(ColumnDesign column) {
        Moves.down(columns, column);
    }

    public void addSort() {
        sort.add(new SortDesign());
    }

    public void removeSort(SortDesign key) {
        Moves.remove(sort, key);
    }

    /** The rows a page of the list shows: the page size when it is a number from 1 to 500, else 50. */
    public int getPageSizeNumber() {
        try {
            int size = Integer.parseInt(pageSize.strip());
            return size >= 1 && size <= 500 ? size : 50;
        } catch (NumberFormatException e) {
            return 50;
        }
    }

    public List<ColumnDesign> getColumns() {
        return columns;
    }

    public ConditionList getFilter() {
        return filter;
    }

    public List<SortDesign> getSort() {
        return sort;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key == null ? "" : key.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null ? "" : type;
    }

    public String getPageSize() {
        return pageSize;
    }

    public void setPageSize(String pageSize) {
        this.pageSize = pageSize == null ? "" : pageSize;
    }
}
