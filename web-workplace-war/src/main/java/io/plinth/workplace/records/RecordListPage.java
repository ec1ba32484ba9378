package io.plinth.workplace.records;

import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A type's records as a lazy table: catalogs pages, sorts and filters them with the user's token.
 * The columns are the model's list for the type (else its fields), less those the user may not
 * see; the user chooses which of them show, saves the columns, filters and sort as named views
 * (their own, in the preference store), and exports what the list shows to CSV or XLSX.
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

    @Inject
    ListViewStore viewStore;

    @Inject
    ListExport export;

    private String app;
    private String type;
    private String list;
    private String view;
    private boolean deleted;
    private AppModel model;
    private ModelType modelType;
    private ModelList modelList;
    /** Every column the user may see; {@link #shownKeys} are those the table shows. */
    private final List<ListColumn> columns = new ArrayList<>();
    private List<String> shownKeys = new ArrayList<>();
    private final Map<String, ReferenceTarget> referenceTargets = new HashMap<>();
    /** The filter boxes' text, by field: a view fills them, the table keeps them. */
    private final Map<String, String> filterValues = new HashMap<>();
    /** The sort of the applied view, used until the user sorts by a column. */
    private List<String> viewSort = List.of();
    /** What the table asked for last: the list a view saves and an export writes. */
    private List<String> currentFilters = List.of();
    private List<String> currentSort = List.of();
    private ListViews views = ListViews.none();
    private String selectedView;
    private String newViewName;
    private boolean newViewDefault;
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
                    if (column.field().kind() == FieldKind.REFERENCE) {
                        referenceTargets.put(column.getKey(), ReferenceTarget.of(records, user.accessToken(), model,
                                column.field().referenceType()));
                    }
                }
            }
            shownKeys = new ArrayList<>(columns.stream().map(ListColumn::getKey).toList());
            loadViews();
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

    // ---- views -------------------------------------------------------------------------------

    /** Reads the user's views and applies the one the address names, else their default one. */
    private void loadViews() {
        try {
            views = viewStore.read(user.getLogin(), viewKey());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The saved views of " + user.getLogin() + " cannot be read", e);
            RecordsMessages.warn(Messages.text("views.unavailable"));
            return;
        }
        ListView chosen = view == null ? views.defaultOne().orElse(null) : views.find(view).orElse(null);
        if (view != null && chosen == null) {
            RecordsMessages.warn(Messages.text("views.gone", view));
        }
        if (chosen != null) {
            apply(chosen);
        }
    }

    private void apply(ListView chosen) {
        List<String> readable = columns.stream().map(ListColumn::getKey).toList();
        List<String> keys = chosen.columns().stream().filter(readable::contains).toList();
        shownKeys = new ArrayList<>(keys.isEmpty() ? readable : keys);
        chosen.filters().forEach((field, text) -> {
            if (shownKeys.contains(field)) {
                filterValues.put(field, text);
            }
        });
        viewSort = chosen.sort().stream().filter(key -> {
            ListColumn column = shown(key.startsWith("-") ? key.substring(1) : key);
            return column != null && column.isSortable();
        }).toList();
        selectedView = chosen.name();
    }

    private String viewKey() {
        return ListViews.preferenceKey(app, type, modelList == null ? null : modelList.key());
    }

    /** Saves the columns, filters and sort the list shows now under the name the user gave. */
    public void saveView() {
        ListView current = new ListView(newViewName == null ? "" : newViewName, shownKeys, filterTexts(), currentSort);
        try {
            ListViews changed = views.with(current, newViewDefault);
            viewStore.write(user.getLogin(), viewKey(), changed);
            views = changed;
            selectedView = current.name().strip();
            RecordsMessages.info(Messages.text("views.saved", selectedView));
            newViewName = null;
            newViewDefault = false;
        } catch (ListViews.InvalidViewException e) {
            RecordsMessages.error(Messages.text(e.messageKey(), ListViews.MAX_NAME, ListViews.MAX_VIEWS,
                    ListViews.MAX_FILTER));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The view of " + user.getLogin() + " cannot be saved", e);
            RecordsMessages.error(Messages.text("views.unavailable"));
        }
    }

    /** Opens the list again with the chosen view (an address the user can keep). */
    public void applyView() throws IOException {
        if (selectedView == null || views.find(selectedView).isEmpty()) {
            RecordsMessages.warn(Messages.text("views.choose"));
            return;
        }
        redirect(address() + "&view=" + encode(selectedView));
    }

    public void deleteView() {
        if (selectedView == null || views.find(selectedView).isEmpty()) {
            RecordsMessages.warn(Messages.text("views.choose"));
            return;
        }
        try {
            ListViews changed = views.without(selectedView);
            viewStore.write(user.getLogin(), viewKey(), changed);
            views = changed;
            RecordsMessages.info(Messages.text("views.deleted", selectedView));
            selectedView = null;
        } catch (ListViews.InvalidViewException | RuntimeException e) {
            LOG.log(Level.WARNING, "The view of " + user.getLogin() + " cannot be deleted", e);
            RecordsMessages.error(Messages.text("views.unavailable"));
        }
    }

    // ---- export ------------------------------------------------------------------------------

    public void exportCsv() throws IOException {
        export(ExportFormat.CSV);
    }

    public void exportXlsx() throws IOException {
        export(ExportFormat.XLSX);
    }

    /**
     * Sends the file of every record the list's filters match, in its order, with its shown
     * columns. The first page is read before the answer starts, so a refusal shows on the page.
     */
    private void export(ExportFormat format) throws IOException {
        if (modelType == null) {
            return;
        }
        List<ListColumn> shown = getShownColumns();
        ListExport.Request request = new ListExport.Request(user.accessToken(), app, type, getTypeLabel(),
                currentFilters, currentSort, shown, this::cells);
        RecordPage first;
        try {
            first = export.firstPage(request);
        } catch (RecordsRefusedException e) {
            LOG.info(() -> "Export of " + app + "/" + type + " refused: " + e.getMessage());
            RecordsMessages.refused(e);
            return;
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot export " + app + "/" + type + ": " + e.getMessage());
            RecordsMessages.unavailable();
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(format.contentType());
        String file = type + "-" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"))
                + "." + format.extension();
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        external.setResponseHeader("Cache-Control", "no-store");
        try (OutputStream out = external.getResponseOutputStream()) {
            int written = export.write(request, first, format, out);
            LOG.info(() -> user.getLogin() + " exported " + written + " rows of " + app + "/" + type + " as " + format);
        } catch (RecordsRefusedException | ServiceUnavailableException e) {
            // The file has begun: it ends here, shorter, and the log says why.
            LOG.warning(() -> "Export of " + app + "/" + type + " ended early: " + e.getMessage());
        } finally {
            faces.responseComplete();
        }
    }

    public int getExportLimit() {
        return export.maxRows();
    }

    // ---- the table ---------------------------------------------------------------------------

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
            currentFilters = filters(filterBy);
            currentSort = sort(sortBy);
            RecordPage page = fetch(new RecordQuery(currentFilters, currentSort, fields(), first,
                    Math.max(1, Math.min(pageSize, 500)), false));
            if (page == null) {
                return List.of();
            }
            List<List<String>> cells = cells(page.items());
            List<RecordRow> rows = new ArrayList<>();
            List<ListColumn> shown = getShownColumns();
            for (int i = 0; i < cells.size(); i++) {
                Map<String, String> byKey = new LinkedHashMap<>();
                for (int c = 0; c < shown.size(); c++) {
                    byKey.put(shown.get(c).getKey(), cells.get(i).get(c));
                }
                rows.add(new RecordRow(page.items().get(i).getString("id"), byKey));
            }
            return rows;
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

    /**
     * The shown columns' texts of {@code items}, in column order: references by their target's
     * label (one query per reference column for the whole page; many references joined by commas).
     */
    private List<List<String>> cells(List<JsonObject> items) {
        String yes = Messages.text("record.yes");
        String no = Messages.text("record.no");
        List<ListColumn> shown = getShownColumns();
        Map<String, Map<String, String>> labels = new HashMap<>();
        for (ListColumn column : shown) {
            ReferenceTarget target = referenceTargets.get(column.getKey());
            if (target != null) {
                List<String> ids = items.stream().map(r -> r.get(column.getKey()))
                        .flatMap(v -> v instanceof JsonString one ? Stream.of(one.getString())
                                : RecordValues.ids(v).stream()).toList();
                try {
                    labels.put(column.getKey(), ids.isEmpty() ? Map.of()
                            : target.labels(records, user.accessToken(), ids));
                } catch (ServiceUnavailableException e) {
                    LOG.warning(() -> "Labels of " + target.type() + " unavailable: " + e.getMessage());
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonObject record : items) {
            rows.add(shown.stream().map(column -> RecordValues.display(column.field(), record.get(column.getKey()),
                    yes, no, labels.getOrDefault(column.getKey(), Map.of()))).toList());
        }
        return rows;
    }

    private List<String> fields() {
        return getShownColumns().stream().map(ListColumn::getKey).toList();
    }

    private List<String> filters(Map<String, FilterMeta> filterBy) {
        List<String> filters = new ArrayList<>(modelList == null ? List.of() : modelList.filters());
        filterValues.clear();
        for (FilterMeta filter : filterBy.values()) {
            Object value = filter.getFilterValue();
            ListColumn column = shown(filter.getField());
            if (column != null && value != null && !value.toString().isBlank()) {
                filterValues.put(column.getKey(), value.toString());
                filters.add(RecordQuery.columnFilter(column.getKey(), column.field().kind(), value.toString()));
            }
        }
        return filters;
    }

    private Map<String, String> filterTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        shownKeys.stream().filter(filterValues::containsKey).forEach(k -> texts.put(k, filterValues.get(k)));
        return texts;
    }

    private List<String> sort(Map<String, SortMeta> sortBy) {
        List<String> sort = new ArrayList<>();
        for (SortMeta meta : sortBy.values()) {
            ListColumn column = shown(meta.getField());
            if (column != null && column.isSortable() && meta.getOrder() != SortOrder.UNSORTED) {
                sort.add((meta.getOrder() == SortOrder.DESCENDING ? "-" : "") + column.getKey());
            }
        }
        if (!sort.isEmpty()) {
            return sort;
        }
        return !viewSort.isEmpty() ? viewSort : modelList != null ? modelList.sort() : List.of();
    }

    private ListColumn shown(String key) {
        return shownKeys.contains(key) ? columns.stream().filter(c -> c.getKey().equals(key)).findFirst().orElse(null)
                : null;
    }

    /** The sort a view gives a column, for its header: "ascending", "descending" or "unsorted". */
    public String sortOrderOf(String key) {
        if (viewSort.contains(key)) {
            return "ascending";
        }
        return viewSort.contains("-" + key) ? "descending" : "unsorted";
    }

    private String address() {
        return "/list.xhtml?app=" + encode(app) + "&type=" + encode(type)
                + (modelList == null ? "" : "&list=" + encode(modelList.key()));
    }

    private static void redirect(String page) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + page);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- properties --------------------------------------------------------------------------

    public boolean isAvailable() {
        return modelType != null;
    }

    public String getAppName() {
        return model == null ? app : model.name();
    }

    public String getTypeLabel() {
        return modelType == null ? type : modelType.label();
    }

    /** Every column the user may see: the column chooser's choices. */
    public List<ListColumn> getColumns() {
        return columns;
    }

    /** The chosen columns in the list's order. */
    public List<ListColumn> getShownColumns() {
        return columns.stream().filter(c -> shownKeys.contains(c.getKey())).toList();
    }

    public List<String> getShownKeys() {
        return shownKeys;
    }

    /** At least one column stays: choosing none shows them all again. */
    public void setShownKeys(List<String> keys) {
        List<String> readable = columns.stream().map(ListColumn::getKey).toList();
        List<String> chosen = keys == null ? List.of() : keys.stream().filter(readable::contains).toList();
        shownKeys = new ArrayList<>(chosen.isEmpty() ? readable : chosen);
    }

    public Map<String, String> getFilterValues() {
        return filterValues;
    }

    public List<ListView> getViews() {
        return views.views();
    }

    public String getDefaultView() {
        return views.defaultView();
    }

    public String getSelectedView() {
        return selectedView;
    }

    public void setSelectedView(String selectedView) {
        this.selectedView = selectedView;
    }

    public String getNewViewName() {
        return newViewName;
    }

    public void setNewViewName(String newViewName) {
        this.newViewName = newViewName;
    }

    public boolean isNewViewDefault() {
        return newViewDefault;
    }

    public void setNewViewDefault(boolean newViewDefault) {
        this.newViewDefault = newViewDefault;
    }

    public int getPageSize() {
        return modelList == null ? 20 : Math.min(modelList.pageSize(), 100);
    }

    public LazyDataModel<RecordRow> getRows() {
        return rows;
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

    public String getView() {
        return view;
    }

    /** The saved view the address names; without one the user's default view applies. */
    public void setView(String view) {
        this.view = view;
    }
}
