package io.plinth.workplace.records;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a list as catalogs' query parameters (docs/catalogs-records.md, "Queries"):
 * {@code filter=field:op:value} (all must hold), {@code sort} ({@code -field} descending),
 * {@code fields}, {@code offset}, {@code limit} and whether to count.
 */
public record RecordQuery(List<String> filters, List<String> sort, List<String> fields, int offset, int limit,
                          boolean count) {

    public RecordQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        fields = List.copyOf(fields);
    }

    /** The filter a person's text in a column's filter box means for a field of {@code kind}. */
    public static String columnFilter(String field, FieldKind kind, String text) {
        String value = text.strip();
        if (kind == FieldKind.TEXT) {
            // ilike: a part of the text in any case; the person's % and _ are characters, not wildcards.
            value = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
        return field + ":" + kind.filterOperator() + ":" + value;
    }

    String toQueryString() {
        return toQueryString(null);
    }

    /** With a {@code cursor} (catalogs' {@code nextCursor} of the previous page) instead of the offset: keyset paging. */
    String toQueryString(String cursor) {
        List<String> parts = new ArrayList<>();
        filters.forEach(f -> parts.add("filter=" + encode(f)));
        if (!sort.isEmpty()) {
            parts.add("sort=" + encode(String.join(",", sort)));
        }
        if (!fields.isEmpty()) {
            parts.add("fields=" + encode(String.join(",", fields)));
        }
        parts.add(cursor == null ? "offset=" + offset : "cursor=" + encode(cursor));
        parts.add("limit=" + limit);
        if (!count) {
            parts.add("count=false");
        }
        return "?" + String.join("&", parts);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
