package io.plinth.workplace.records;

import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A type's records as a lazy table: catalogs pages, sorts and filters them with the user's token.
 * The columns are the model's list for the type (else its fields), less those the user may not see.
 */
@Named
@ViewScoped
public class RecordListPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordListPage.class.getName());

    @Inject
    ViewServiceModels models;

    @Inject
    CatalogsRecords records;

    @Inject
    CurrentUser user;

    private String app;
    private String type;
    private String list;
    private boolean deleted;
    private AppModel model;
    private ModelType modelType;
    private ModelList modelList;
    private final List<ListColumn> columns = new ArrayList<>();
    private final Map<String, Map<String, String>> referenceLabels = new HashMap<>();
    private final Records rows = new Records();

    public void load() {
        if (deleted) {
            RecordsMessages.info(Messages.text("record.deleted"));
        }
        try {
            model = models.activeModel(user.accessToken(), app);
            modelList = list == null ? model.listOf(type).orElse(null) : model.list(list).orElse(null);
            if (modelList != null) {
                type = modelList.type();
            }
            modelType = model.type(type).orElse(null);
            if (modelType == null) {
                RecordsMessages.error(Messages.text("records.notFound"));
                return;
            }
            List<ListColumn> candidates = candidates();
            List<String> visible = records.visibleFields(user.accessToken(), app, type,
                    candidates.stream().map(ListColumn::getKey).toList());
            for (ListColumn column : candidates) {
                if (visible.contains(column.getKey())) {
                    columns.add(column);
                    if (column.field().kind() == FieldKind.REFERENCE && !column.field().many()) {
                        referenceLabels.put(column.getKey(), ReferenceChoices.load(records, user.accessToken(), model,
                                column.field().referenceType()));
                    }
                }
            }
        } catch (RecordsRefusedException e) {
            LOG.info(() -> "List " + app + "/" + type + " for " + user.getLogin() + ": " + e.getMessage());
            modelType = null;
            RecordsMessages.refused(e);
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot show " + app + "/" + type + ": " + e.getMessage());
            modelType = null;
            RecordsMessages.unavailable();
        }
    }

    /** The list's columns that name a field of the type, else every field of the type. */
    private List<ListColumn> candidates() {
        List<ListColumn> candidates = new ArrayList<>();
        if (modelList != null) {
            for (ModelList.Column column : modelList.columns()) {
                modelType.field(column.field()).ifPresent(field -> candidates.add(new ListColumn(field,
                        column.label() == null ? field.label() : column.label())));
            }
        }
        if (candidates.isEmpty()) {
            modelType.fields().forEach(field -> candidates.add(new ListColumn(field, field.label())));
        }
        return candidates;
    }

    public boolean isAvailable() {
        return modelType != null;
    }

    public String getAppName() {
        return model == null ? app : model.name();
    }

    public String getTypeLabel() {
        return modelType == null ? type : modelType.label();
    }

    public List<ListColumn> getColumns() {
        return columns;
    }

    public int getPageSize() {
        return modelList == null ? 20 : Math.min(modelList.pageSize(), 100);
    }

    public LazyDataModel<RecordRow> getRows() {
        return rows;
    }

    /** The lazy model the table asks for each page, sort and filter. */
    private final class Records extends LazyDataModel<RecordRow> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            RecordPage page = fetch(new RecordQuery(filters(filterBy), List.of(), fields(), 0, 1, true));
            return page == null ? 0 : (int) Math.min(page.total(), Integer.MAX_VALUE);
        }

        @Override
        public List<RecordRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
            RecordPage page = fetch(new RecordQuery(filters(filterBy), sort(sortBy), fields(), first,
                    Math.max(1, Math.min(pageSize, 500)), false));
            return page == null ? List.of() : page.items().stream().map(RecordListPage.this::row).toList();
        }

        @Override
        public String getRowKey(RecordRow row) {
            return row.id();
        }

        @Override
        public RecordRow getRowData(String rowKey) {
            return getWrappedData() == null ? null
                    : getWrappedData().stream().filter(r -> r.id().equals(rowKey)).findFirst().orElse(null);
        }
    }

    private RecordPage fetch(RecordQuery query) {
        if (modelType == null) {
            return null;
        }
        try {
            return records.query(user.accessToken(), app, type, query);
        } catch (RecordsRefusedException e) {
            LOG.info(() -> "Query of " + app + "/" + type + " refused: " + e.getMessage());
            if (e.status() == 400) {
                RecordsMessages.error(Messages.text("records.filter.invalid", e.errors().isEmpty() ? e.detail()
                        : e.errors().get(0).message()));
            } else {
                RecordsMessages.refused(e);
            }
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot list " + app + "/" + type + ": " + e.getMessage());
            RecordsMessages.unavailable();
        }
        return null;
    }

    private List<String> fields() {
        return columns.stream().map(ListColumn::getKey).toList();
    }

    private List<String> filters(Map<String, FilterMeta> filterBy) {
        List<String> filters = new ArrayList<>(modelList == null ? List.of() : modelList.filters());
        for (FilterMeta filter : filterBy.values()) {
            Object value = filter.getFilterValue();
            ListColumn column = column(filter.getField());
            if (column != null && value != null && !value.toString().isBlank()) {
                filters.add(RecordQuery.columnFilter(column.getKey(), column.field().kind(), value.toString()));
            }
        }
        return filters;
    }

    private List<String> sort(Map<String, SortMeta> sortBy) {
        List<String> sort = new ArrayList<>();
        for (SortMeta meta : sortBy.values()) {
            ListColumn column = column(meta.getField());
            if (column != null && column.isSortable() && meta.getOrder() != SortOrder.UNSORTED) {
                sort.add((meta.getOrder() == SortOrder.DESCENDING ? "-" : "") + column.getKey());
            }
        }
        return sort.isEmpty() && modelList != null ? modelList.sort() : sort;
    }

    private ListColumn column(String key) {
        return columns.stream().filter(c -> c.getKey().equals(key)).findFirst().orElse(null);
    }

    private RecordRow row(JsonObject record) {
        String yes = Messages.text("record.yes");
        String no = Messages.text("record.no");
        Map<String, String> cells = new LinkedHashMap<>();
        for (ListColumn column : columns) {
            cells.put(column.getKey(), RecordValues.display(column.field(), record.get(column.getKey()), yes, no,
                    referenceLabels.getOrDefault(column.getKey(), Map.of())));
        }
        return new RecordRow(record.getString("id"), cells);
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isDeleted() {
        return deleted;
    }

    /** Set by the redirect after a delete, so that the list says it was done. */
    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
    }
}
