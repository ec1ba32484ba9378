package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.List;

/**
 * A list of the published model: its columns (field keys with their optional labels), its default
 * filter as catalogs' {@code filter=} values, its default sort ({@code -field} descending) and page size.
 */
public record ModelList(String key, String type, List<Column> columns, List<String> filters, List<String> sort,
                        int pageSize) implements Serializable {

    /** A column: a field of the type (or a system field) and the label the builder gave it, if any. */
    public record Column(String field, String label) implements Serializable {
    }

    public ModelList {
        columns = List.copyOf(columns);
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
    }
}
