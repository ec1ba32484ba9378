package io.plinth.workplace.records;

import io.plinth.web.api.ServiceUnavailableException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The type a single reference points to and what names its records: the target's first text
 * field when the user may read it, else the record's id. Labels are asked of catalogs for the ids
 * on screen (one query for a page), and a picker searches by a part of the label.
 */
public record ReferenceTarget(String app, String type, String labelField) implements Serializable {

    /** At most this many records answer one search of a picker. */
    static final int SEARCH_LIMIT = 20;

    /** catalogs' {@code in} takes a list; a page of 500 rows needs a few queries of this many ids. */
    private static final int IDS_PER_QUERY = 100;

    /** The target of a reference to {@code targetType}; its label field only when the user may read it. */
    static ReferenceTarget of(CatalogsRecords records, String token, AppModel model, String targetType)
            throws ServiceUnavailableException {
        ModelType target = model.type(targetType).orElse(null);
        String label = null;
        if (target != null && target.firstTextField().isPresent()) {
            String candidate = target.firstTextField().get().key();
            try {
                label = records.visibleFields(token, model.key(), targetType, List.of(candidate)).isEmpty()
                        ? null : candidate;
            } catch (RecordsRefusedException e) {
                label = null;
            }
        }
        return new ReferenceTarget(model.key(), targetType, label);
    }

    /** The labels of {@code ids} by id; an id the user cannot see (or the type has no label) stands for itself. */
    Map<String, String> labels(CatalogsRecords records, String token, Collection<String> ids)
            throws ServiceUnavailableException {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        wanted.forEach(id -> labels.put(id, id));
        if (labelField == null) {
            return labels;
        }
        for (int from = 0; from < wanted.size(); from += IDS_PER_QUERY) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + IDS_PER_QUERY));
            String in = chunk.stream().map(id -> id.replace("\\", "\\\\").replace(",", "\\,"))
                    .collect(Collectors.joining(","));
            labels.putAll(read(records, token, new RecordQuery(List.of("id:in:" + in), List.of(),
                    List.of(labelField), 0, chunk.size(), false)));
        }
        return labels;
    }

    /** Up to {@value #SEARCH_LIMIT} records whose label holds {@code text} (in any case), by label; all when blank. */
    Map<String, String> search(CatalogsRecords records, String token, String text) throws ServiceUnavailableException {
        List<String> sort = labelField == null ? List.of() : List.of(labelField);
        List<String> filters = labelField == null || text == null || text.isBlank() ? List.of()
                : List.of(RecordQuery.columnFilter(labelField, FieldKind.TEXT, text));
        return read(records, token, new RecordQuery(filters, sort, sort, 0, SEARCH_LIMIT, false));
    }

    private Map<String, String> read(CatalogsRecords records, String token, RecordQuery query)
            throws ServiceUnavailableException {
        Map<String, String> labels = new LinkedHashMap<>();
        try {
            for (JsonObject record : records.query(token, app, type, query).items()) {
                String id = record.getString("id");
                labels.put(id, labelField != null && record.get(labelField) instanceof JsonString label
                        ? label.getString() : id);
            }
        } catch (RecordsRefusedException e) {
            // The user may not read the target type: ids stay ids, a search finds nothing.
            return labels;
        }
        return labels;
    }
}
