package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's named way of looking at a list: the columns shown (field keys in order), the text in
 * each column's filter box and the sort ({@code -field} descending).
 */
public record ListView(String name, List<String> columns, Map<String, String> filters, List<String> sort)
        implements Serializable {

    public ListView {
        columns = List.copyOf(columns);
        filters = new LinkedHashMap<>(filters);
        sort = List.copyOf(sort);
    }

    public String getName() {
        return name;
    }
}
