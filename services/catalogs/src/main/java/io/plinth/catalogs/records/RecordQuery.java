package io.plinth.catalogs.records;

import io.plinth.catalogs.access.FieldValues;
import io.plinth.catalogs.access.Operation;
import io.plinth.catalogs.access.Operator;
import io.plinth.catalogs.access.Predicates;
import io.plinth.catalogs.access.SystemFields;
import io.plinth.catalogs.access.TypeAccess;
import io.plinth.catalogs.access.Variable;
import io.plinth.catalogs.records.RecordColumns.Column;
import io.plinth.catalogs.storage.FieldModel;
import io.plinth.catalogs.storage.FieldType;
import io.plinth.catalogs.storage.StorageNames;
import io.plinth.catalogs.storage.TypeModel;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.QueryParams;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A query of a type's records, from the query parameters of {@code GET /api/data/{app}/{type}}:
 * <ul>
 * <li>{@code filter=field:op:value}, repeatable, all holding; see docs/catalogs-records.md;</li>
 * <li>{@code sort=name,-created_at} (at most 10; {@code id} always ends the order);</li>
 * <li>{@code fields=} the projection ({@link Projection});</li>
 * <li>{@code limit} (1..500, 50), and either {@code offset} (at most 10,000) or {@code cursor}
 * (keyset pagination: the {@code nextCursor} of the previous page);</li>
 * <li>{@code count=false} to skip the total.</li>
 * </ul>
 * Fields, operators and sort keys are checked against the type and the caller's field rules
 * (anything unknown or hidden is a 400); identifiers come only from the type model, every value
 * is a bind parameter. Rows are what the row policies let the caller see, counts included.
 */
final class RecordQuery {

    static final int MAX_FILTERS = 20;
    static final int MAX_SORT = 10;
    static final int MAX_OFFSET = 10_000;
    /** Counts are exact up to here; beyond it they are the planner's estimate. */
    static final int COUNT_LIMIT = 10_000;
    static final int MAX_CURSOR = 4096;
    private static final Set<String> PARAMETERS = Set.of("filter", "sort", "fields", "limit", "offset", "cursor",
            "count");

    private final RecordSession session;
    private final TypeModel type;
    private final StorageNames names;
    private final List<String> where = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final List<SortKey> sort = new ArrayList<>();
    private List<Column> columns;
    private int limit = Page.DEFAULT_LIMIT;
    private int offset;
    private boolean count = true;
    private String sortSpec;
    private JsonObject cursor;

    private record SortKey(FieldModel field, boolean descending) {
        String column() {
            return "r." + StorageNames.quote(field.key());
        }
    }

    private RecordQuery(RecordSession session, TypeModel type) {
        this.session = session;
        this.type = type;
        this.names = session.names();
    }

    static RecordQuery parse(RecordSession session, TypeModel type, TypeAccess access,
                             Map<String, List<String>> parameters) {
        RecordQuery query = new RecordQuery(session, type);
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ProblemException.invalid(name, "is not a parameter of a record query (filter, sort, fields,"
                        + " limit, offset, cursor, count)");
            }
        }
        List<String> filters = parameters.getOrDefault("filter", List.of());
        if (filters.size() > MAX_FILTERS) {
            throw ProblemException.invalid("filter", "at most " + MAX_FILTERS + " filters");
        }
        for (int i = 0; i < filters.size(); i++) {
            query.filter(access, filters.get(i), "filter[" + i + "]");
        }
        if (type.securityPartition() != null) {
            access.readablePartitions(type.securityPartition(), session.caller()).ifPresent(query::onlyPartitions);
        }
        query.sort(access, single(parameters, "sort"));
        query.columns = Projection.columns(session, type, access, single(parameters, "fields"));
        query.limit = number(parameters, "limit", 1, Page.MAX_LIMIT, Page.DEFAULT_LIMIT);
        query.offset = number(parameters, "offset", 0, MAX_OFFSET, 0);
        query.count = QueryParams.flag("count", single(parameters, "count"), true);
        String cursor = single(parameters, "cursor");
        if (cursor != null) {
            if (query.offset != 0) {
                throw ProblemException.invalid("cursor", "cannot be used together with offset");
            }
            query.cursor = decode(cursor, query.sortSpec);
        }
        return query;
    }

    // ---- filters

    /** Names the partitions the caller's rules allow (see {@link TypeAccess#readablePartitions}), for pruning. */
    private void onlyPartitions(Set<String> partitions) {
        if (partitions.isEmpty()) {
            where.add("false");
            return;
        }
        where.add("r.partition IN (" + String.join(", ", partitions.stream().map(p -> "?").toList()) + ")");
        parameters.addAll(partitions);
    }

    private void filter(TypeAccess access, String text, String path) {
        String[] parts = text.split(":", 3);
        if (parts.length < 2) {
            throw ProblemException.invalid(path, "must be field:op:value, e.g. name:eq:Ada");
        }
        Operator op = Operator.of(parts[1]).orElseThrow(() -> ProblemException.invalid(path, "'" + parts[1]
                + "' is not an operator: eq, ne, lt, le, gt, ge, in, not-in, between, like, ilike, contains, search,"
                + " is-null, is-not-null"));
        String raw = parts.length == 3 ? parts[2] : null;
        if (op == Operator.IS_NULL && ("false".equals(raw) || "true".equals(raw))) {
            op = "true".equals(raw) ? Operator.IS_NULL : Operator.IS_NOT_NULL;
            raw = null;
        }
        String key = parts[0];
        int dot = key.indexOf('.');
        if (dot < 0) {
            FieldModel field = Projection.readable(type, access, key, path);
            where.add(predicate("r", field, op, raw, path, type));
            return;
        }
        FieldModel reference = Projection.readable(type, access, key.substring(0, dot), path);
        if (!reference.referenceOne()) {
            throw ProblemException.invalid(path, "'" + key.substring(0, dot) + "' is not a reference to one record");
        }
        TypeModel target = session.model().type(reference.reference().type());
        TypeAccess targetAccess = session.access(target);
        if (!targetAccess.allows(Operation.READ)) {
            throw ProblemException.invalid(path, "your roles may not read " + target.key() + " records");
        }
        FieldModel field = Projection.readable(target, targetAccess, key.substring(dot + 1), path);
        // The target's row policies apply inside the subquery: a record the caller cannot see matches nothing.
        where.add("r." + StorageNames.quote(reference.key()) + " IN (SELECT x.id FROM " + names.table(target.key())
                + " x WHERE " + predicate("x", field, op, raw, path, target) + ")");
    }

    /** The condition on {@code field} of the row {@code alias} of a table of type {@code owner}. */
    private String predicate(String alias, FieldModel field, Operator op, String raw, String path, TypeModel owner) {
        String misuse = Predicates.misuse(field, op);
        if (misuse != null) {
            throw ProblemException.invalid(path, misuse);
        }
        if (field.many()) {
            if (raw != null) {
                throw ProblemException.invalid(path, op.key() + " takes no value");
            }
            String exists = "EXISTS (SELECT 1 FROM " + names.linkTable(owner.key(), field.key()) + " l WHERE l.source = "
                    + alias + ".id)";
            return op == Operator.IS_NULL ? "NOT " + exists : exists;
        }
        return Predicates.sql(alias + "." + StorageNames.quote(field.key()), field, op, values(field, op, raw, path),
                this::parameter);
    }

    private List<Object> values(FieldModel field, Operator op, String raw, String path) {
        if (op.arity() == 0) {
            if (raw != null) {
                throw ProblemException.invalid(path, op.key() + " takes no value");
            }
            return List.of();
        }
        if (raw == null) {
            throw ProblemException.invalid(path, op.key() + " needs a value: field:" + op.key() + ":value");
        }
        Variable variable = raw.startsWith("$user.") ? Variable.of(raw) : null;
        if (variable != null) {
            String misuse = variable.misuse(op, field.type());
            if (misuse != null) {
                throw ProblemException.invalid(path, misuse);
            }
            return List.of(variable);
        }
        List<String> texts = op.arity() == 1 ? List.of(raw) : split(raw);
        if (op.arity() == 2 && texts.size() != 2) {
            throw ProblemException.invalid(path, "between takes two values: field:between:low,high");
        }
        if (texts.isEmpty() || texts.size() > 200) {
            throw ProblemException.invalid(path, "takes 1 to 200 values");
        }
        List<Object> values = new ArrayList<>();
        for (String text : texts) {
            try {
                // like and ilike take patterns, which are text whatever the field holds.
                values.add(op.textual() ? FieldValues.parse(textOf(field), Json.createValue(text))
                        : FieldValues.parseText(field, text));
            } catch (FieldValues.InvalidValue e) {
                throw ProblemException.invalid(path, "'" + text + "' " + e.getMessage());
            }
        }
        return values;
    }

    /** Search words and patterns may be longer than the field's values. */
    private static FieldModel textOf(FieldModel field) {
        return new FieldModel(field.key(), null, null, FieldType.TEXT, false, false, false, true, 1000, 0, 0,
                List.of(), null, null);
    }

    /** Values of in, not-in and between: separated by commas; {@code \,} is a comma and {@code \\} a backslash. */
    static List<String> split(String raw) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                current.append(raw.charAt(++i));
            } else if (c == ',') {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString());
        return values;
    }

    private String parameter(FieldModel field, Object value) {
        parameters.add(value);
        return FieldValues.parameter(field);
    }

    // ---- sort and cursor

    private void sort(TypeAccess access, String spec) {
        Set<String> seen = new HashSet<>();
        if (spec != null && !spec.isBlank()) {
            String[] keys = spec.split(",", -1);
            if (keys.length > MAX_SORT) {
                throw ProblemException.invalid("sort", "at most " + MAX_SORT + " fields");
            }
            for (String key : keys) {
                boolean descending = key.startsWith("-");
                String name = descending ? key.substring(1) : key.startsWith("+") ? key.substring(1) : key;
                FieldModel field = Projection.readable(type, access, name, "sort");
                if (field.many() || field.type() == FieldType.JSON) {
                    throw ProblemException.invalid("sort", "cannot sort by '" + name + "' (json or many references)");
                }
                if (!seen.add(name)) {
                    throw ProblemException.invalid("sort", "'" + name + "' is named twice");
                }
                sort.add(new SortKey(field, descending));
            }
        }
        if (!seen.contains(SystemFields.ID)) {
            sort.add(new SortKey(SystemFields.find(type, SystemFields.ID).orElseThrow(), false));
        }
        sortSpec = sort.stream().map(k -> (k.descending() ? "-" : "") + k.field().key())
                .collect(Collectors.joining(","));
    }

    /**
     * The rows after the cursor's in the sort order. PostgreSQL sorts nulls as the largest values
     * ({@code ASC NULLS LAST}, {@code DESC NULLS FIRST}), and so does this: for each key, the rows
     * equal on the keys before it and after it on this one.
     */
    private String after(JsonArray values) {
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < sort.size(); k++) {
            SortKey key = sort.get(k);
            Object value = cursorValue(k, values);
            if (value == null && !key.descending()) {
                continue; // nothing comes after null in ascending order
            }
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Object equal = cursorValue(j, values);
                parts.add(equal == null ? sort.get(j).column() + " IS NULL"
                        : sort.get(j).column() + " = " + parameter(sort.get(j).field(), equal));
            }
            if (key.descending()) {
                parts.add(value == null ? key.column() + " IS NOT NULL"
                        : key.column() + " < " + parameter(key.field(), value));
            } else {
                parts.add("(" + key.column() + " > " + parameter(key.field(), value) + " OR " + key.column()
                        + " IS NULL)");
            }
            terms.add("(" + String.join(" AND ", parts) + ")");
        }
        return terms.isEmpty() ? "false" : "(" + String.join(" OR ", terms) + ")";
    }

    private Object cursorValue(int index, JsonArray values) {
        try {
            return FieldValues.parse(sort.get(index).field(), values.get(index));
        } catch (FieldValues.InvalidValue e) {
            throw ProblemException.invalid("cursor", "is not a cursor of this query");
        }
    }

    private static JsonObject decode(String cursor, String sortSpec) {
        if (cursor.length() > MAX_CURSOR) {
            throw ProblemException.invalid("cursor", "is not a cursor of this query");
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(cursor),
                StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            if (!sortSpec.equals(json.getString("s", null)) || !(json.get("k") instanceof JsonArray keys)
                    || keys.size() != sortSpec.split(",").length) {
                throw ProblemException.invalid("cursor", "belongs to another sort order: start again without cursor");
            }
            return json;
        } catch (IllegalArgumentException | JsonParsingException | ClassCastException e) {
            throw ProblemException.invalid("cursor", "is not a cursor of this query");
        }
    }

    private String encode(JsonArray keys) {
        String json = Json.createObjectBuilder().add("s", sortSpec).add("k", keys).build().toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- running

    JsonObject run() throws SQLException {
        String table = names.table(type.key());
        String filters = where.isEmpty() ? "true" : String.join(" AND ", where);
        int filterParameters = parameters.size();
        String page = filters;
        if (cursor != null) {
            page = filters + " AND " + after(cursor.getJsonArray("k"));
        }
        List<Column> sortColumns = sort.stream().map(k -> RecordColumns.of(names, type, k.field())).toList();
        String order = sort.stream().map(k -> k.column() + (k.descending() ? " DESC" : " ASC"))
                .collect(Collectors.joining(", "));
        String sql = "SELECT " + RecordColumns.select(columns) + ", " + RecordColumns.select(sortColumns) + " FROM "
                + table + " r WHERE " + page + " ORDER BY " + order + " LIMIT " + (limit + 1) + " OFFSET " + offset;
        JsonArrayBuilder items = Json.createArrayBuilder();
        JsonArray lastKeys = null;
        int rows = 0;
        try (PreparedStatement statement = session.connection().prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (++rows > limit) {
                        break;
                    }
                    items.add(RecordColumns.read(row, columns, 1));
                    JsonArrayBuilder keys = Json.createArrayBuilder();
                    for (int i = 0; i < sortColumns.size(); i++) {
                        keys.add(RecordColumns.value(row, columns.size() + 1 + i, sortColumns.get(i).field()));
                    }
                    lastKeys = keys.build();
                }
            }
        }
        JsonObjectBuilder answer = Json.createObjectBuilder().add("items", items).add("limit", limit);
        if (cursor == null) {
            answer.add("offset", offset);
        }
        if (rows > limit && lastKeys != null) {
            answer.add("nextCursor", encode(lastKeys));
        } else {
            answer.addNull("nextCursor");
        }
        if (count) {
            count(answer, table, filters, parameters.subList(0, filterParameters));
        }
        return answer.build();
    }

    /** Exact up to {@link #COUNT_LIMIT} rows (a bounded scan), the planner's estimate beyond, with a flag. */
    private void count(JsonObjectBuilder answer, String table, String filters, List<Object> values)
            throws SQLException {
        long exact;
        try (PreparedStatement statement = session.connection().prepareStatement("SELECT count(*) FROM (SELECT 1 FROM "
                + table + " r WHERE " + filters + " LIMIT " + (COUNT_LIMIT + 1) + ") c")) {
            bind(statement, values);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                exact = row.getLong(1);
            }
        }
        if (exact <= COUNT_LIMIT) {
            answer.add("total", exact).add("totalExact", true);
            return;
        }
        long estimate;
        try (PreparedStatement statement = session.connection().prepareStatement("EXPLAIN (FORMAT JSON) SELECT 1 FROM "
                + table + " r WHERE " + filters)) {
            bind(statement, values);
            try (ResultSet row = statement.executeQuery(); JsonReader reader = Json.createReader(
                    new StringReader(row.next() ? row.getString(1) : "[]"))) {
                JsonArray plans = reader.readArray();
                estimate = plans.isEmpty() ? 0 : plans.getJsonObject(0).getJsonObject("Plan")
                        .getJsonNumber("Plan Rows").longValue();
            }
        }
        answer.add("total", Math.max(estimate, COUNT_LIMIT + 1L)).add("totalExact", false);
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            FieldValues.bind(statement, i + 1, values.get(i));
        }
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.invalid(name, "may be given once");
        }
        return values.get(0);
    }

    private static int number(Map<String, List<String>> parameters, String name, int min, int max, int absent) {
        Long value = QueryParams.wholeNumber(name, single(parameters, name), min, max);
        return value == null ? absent : value.intValue();
    }
}
