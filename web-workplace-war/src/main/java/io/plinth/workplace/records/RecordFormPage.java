package io.plinth.workplace.records;

import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record's form: the type's designed form (sections, columns, read-only fields and conditions
 * evaluated on the values the form holds) or, without one, every field in model order. Create (no
 * {@code id}), view and edit, delete, and the record's history. catalogs checks every value; its
 * field problems show next to their inputs, and a change based on an outdated version is refused
 * and explained. References are picked by searching the target's label.
 */
@Named
@ViewScoped
public class RecordFormPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordFormPage.class.getName());
    private static final Pattern PICKER = Pattern.compile("(?::sections:(\\d+))?:fields:(\\d+):references?$");

    @Inject
    ViewServiceModels models;

    @Inject
    CatalogsRecords records;

    @Inject
    CurrentUser user;

    private String app;
    private String type;
    private String id;
    private AppModel model;
    private ModelType modelType;
    /** Every field of the type the form may show (the user may read it). */
    private final List<ModelField> fields = new ArrayList<>();
    /** Without a designed form: one item per field. */
    private final List<FormItem> items = new ArrayList<>();
    /** With a designed form: its sections, less the fields the user may not read. */
    private final List<FormSection> sections = new ArrayList<>();
    /** Fields whose value some condition reads: changing them re-renders the form. */
    private final Set<String> conditionFields = new HashSet<>();
    private final Map<String, Object> inputs = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, ReferenceTarget> targets = new HashMap<>();
    /** The labels of the records the reference fields point to or offered, by field and id. */
    private final Map<String, Map<String, String>> referenceLabels = new HashMap<>();
    private List<HistoryEntry> history = List.of();
    private boolean historyUnavailable;
    private long version;
    private boolean stale;
    private boolean created;

    public void load() {
        try {
            model = models.activeModel(user.accessToken(), app);
            modelType = model.type(type).orElse(null);
            if (modelType == null) {
                RecordsMessages.error(Messages.text("records.notFound"));
                return;
            }
            List<ModelField> shown = modelType.fields();
            List<String> visible = records.visibleFields(user.accessToken(), app, type,
                    shown.stream().map(ModelField::key).toList());
            shown.stream().filter(f -> visible.contains(f.key())).forEach(fields::add);
            layout(model.formOf(type).orElse(null));
            for (ModelField field : fields) {
                if (field.kind() == FieldKind.REFERENCE) {
                    targets.put(field.key(), ReferenceTarget.of(records, user.accessToken(), model,
                            field.referenceType()));
                }
            }
            if (id == null) {
                inputs.putAll(RecordValues.defaults(fields));
            } else {
                read();
                if (created) {
                    RecordsMessages.info(Messages.text("record.created", modelType.label()));
                }
            }
        } catch (RecordsRefusedException e) {
            LOG.info(() -> "Record " + app + "/" + type + "/" + id + " for " + user.getLogin() + ": " + e.getMessage());
            modelType = null;
            RecordsMessages.refused(e);
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot show " + app + "/" + type + ": " + e.getMessage());
            modelType = null;
            RecordsMessages.unavailable();
        }
    }

    /** The designed form's sections (fields the user may not read left out), else one item per field. */
    private void layout(ModelForm form) {
        if (form == null) {
            fields.forEach(f -> items.add(FormItem.plain(f)));
            return;
        }
        for (ModelForm.Section section : form.sections()) {
            List<FormItem> shown = new ArrayList<>();
            for (ModelForm.Field field : section.fields()) {
                fields.stream().filter(f -> f.key().equals(field.field())).findFirst().ifPresent(f -> {
                    shown.add(new FormItem(f, field.label() == null ? f.label() : field.label(), field.column(),
                            field.readOnly(), field.visibleWhen(), field.readOnlyWhen()));
                    field.visibleWhen().forEach(c -> conditionFields.add(c.field()));
                    field.readOnlyWhen().forEach(c -> conditionFields.add(c.field()));
                });
            }
            if (!shown.isEmpty()) {
                sections.add(new FormSection(section.title(), section.columns(), shown));
            }
        }
    }

    private void read() throws ServiceUnavailableException, RecordsRefusedException {
        show(records.get(user.accessToken(), app, type, id));
    }

    private void show(JsonObject record) throws ServiceUnavailableException {
        inputs.clear();
        inputs.putAll(RecordValues.toInputs(fields, record));
        version = record.getJsonNumber("version").longValue();
        id = record.getString("id");
        for (Map.Entry<String, ReferenceTarget> target : targets.entrySet()) {
            List<String> referenced = inputs.get(target.getKey()) instanceof String one ? List.of(one)
                    : inputs.get(target.getKey()) instanceof List<?> many ? many.stream().map(Object::toString).toList()
                    : List.of();
            if (!referenced.isEmpty()) {
                referenceLabels.computeIfAbsent(target.getKey(), k -> new HashMap<>())
                        .putAll(target.getValue().labels(records, user.accessToken(), referenced));
            }
            if (inputs.get(target.getKey()) instanceof List<?>) {
                // catalogs sorts the ids; the chips read better in the order of their labels.
                inputs.put(target.getKey(), referenced.stream()
                        .sorted(Comparator.comparing(ref -> referenceLabel(target.getKey(), ref))).toList());
            }
        }
        readHistory();
    }

    /** The record's changes; when catalogs cannot answer them the form still works, and says so. */
    private void readHistory() {
        try {
            List<JsonObject> changes = records.history(user.accessToken(), app, type, id);
            Map<String, Map<String, String>> labels = new HashMap<>();
            for (Map.Entry<String, List<String>> ids : RecordHistory.referencedIds(changes, modelType).entrySet()) {
                ReferenceTarget target = targets.get(ids.getKey());
                if (target != null) {
                    labels.put(ids.getKey(), target.labels(records, user.accessToken(), ids.getValue()));
                }
            }
            history = RecordHistory.entries(changes, modelType, RecordHistory.subject(user.accessToken()),
                    new RecordHistory.Words(Map.of("created", Messages.text("history.created"),
                            "updated", Messages.text("history.updated"), "deleted", Messages.text("history.deleted")),
                            Messages.text("record.yes"), Messages.text("record.no"), Messages.text("history.you"),
                            Messages.text("record.none")),
                    field -> labels.getOrDefault(field, Map.of()));
            historyUnavailable = false;
        } catch (RecordsRefusedException | ServiceUnavailableException e) {
            LOG.info(() -> "History of " + app + "/" + type + "/" + id + " not shown: " + e.getMessage());
            history = List.of();
            historyUnavailable = true;
        }
    }

    /** A designed form's field shows when its {@code visibleWhen} holds for the values the form holds now. */
    public boolean visible(FormItem item) {
        return FormConditions.all(item.visibleWhen(), modelType, inputs);
    }

    /** The user may change the field: it is editable, the form does not make it read-only, and its {@code readOnlyWhen} does not hold. */
    public boolean editable(FormItem item) {
        return item.field().isEditable() && !item.readOnly()
                && (item.readOnlyWhen().isEmpty() || !FormConditions.all(item.readOnlyWhen(), modelType, inputs));
    }

    /** Some condition of the form reads this field: a change of it re-renders the form. */
    public boolean drives(String field) {
        return conditionFields.contains(field);
    }

    /** The fields a save sends: those shown and editable now (a hidden or read-only field keeps its stored value). */
    private List<ModelField> sentFields() {
        List<FormItem> all = sections.isEmpty() ? items
                : sections.stream().flatMap(s -> s.items().stream()).toList();
        return all.stream().filter(i -> visible(i) && editable(i)).map(FormItem::field).toList();
    }

    /** The reference picker's search: records of the target whose label holds {@code query}. */
    public List<String> completeReference(String query) {
        String field = pickerField();
        ReferenceTarget target = field == null ? null : targets.get(field);
        if (target == null) {
            return List.of();
        }
        try {
            Map<String, String> found = target.search(records, user.accessToken(), query);
            referenceLabels.computeIfAbsent(field, k -> new HashMap<>()).putAll(found);
            return new ArrayList<>(found.keySet());
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot search " + target.type() + ": " + e.getMessage());
            return List.of();
        }
    }

    /**
     * The field of the picker asking: its {@code field} attribute, or, where the component is not
     * current while its event runs, the row of its client id ({@code [sections:S:]fields:F:reference[s]}).
     */
    private String pickerField() {
        FacesContext faces = FacesContext.getCurrentInstance();
        UIComponent picker = UIComponent.getCurrentComponent(faces);
        if (picker != null && picker.getAttributes().get("field") instanceof String field) {
            return field;
        }
        String source = faces.getExternalContext().getRequestParameterMap().get("jakarta.faces.source");
        Matcher row = source == null ? null : PICKER.matcher(source);
        if (row == null || !row.find()) {
            return null;
        }
        int index = Integer.parseInt(row.group(2));
        List<FormItem> shown = row.group(1) == null ? items
                : Integer.parseInt(row.group(1)) < sections.size() ? sections.get(Integer.parseInt(row.group(1))).items()
                : List.of();
        return index < shown.size() ? shown.get(index).field().key() : null;
    }

    /** What the picker shows for a record id: its label, with the start of its id when two records share a label. */
    public String referenceLabel(String field, String referenced) {
        if (referenced == null || referenced.isEmpty()) {
            return "";
        }
        Map<String, String> labels = referenceLabels.getOrDefault(field, Map.of());
        String label = labels.getOrDefault(referenced, referenced);
        boolean shared = labels.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(referenced) && e.getValue().equals(label));
        return shared ? label + " (" + referenced.substring(0, Math.min(8, referenced.length())) + ")" : label;
    }

    /** The labels of a reference to many records, joined for a field the user may not change. */
    public String referenceLabels(String field, Object referenced) {
        return referenced instanceof List<?> ids
                ? String.join(", ", ids.stream().map(id -> referenceLabel(field, id.toString())).toList()) : "";
    }

    /** Creates the record, or saves the changes to it; problems land next to their fields. */
    public void save() throws IOException {
        problems.clear();
        stale = false;
        RecordValues.Converted values = RecordValues.toJson(sentFields(), inputs);
        if (!values.problems().isEmpty()) {
            values.problems().forEach((field, key) -> problems.put(field, Messages.text(key)));
            RecordsMessages.error(Messages.text("record.invalid"));
            return;
        }
        try {
            if (id == null) {
                JsonObject created = records.create(user.accessToken(), app, type, values.json());
                // To the new record's own page: a reload shows it rather than an empty form.
                redirect("/record.xhtml?app=" + encode(app) + "&type=" + encode(type) + "&id="
                        + encode(created.getString("id")) + "&created=true");
                return;
            }
            show(records.update(user.accessToken(), app, type, id, values.json(), version));
            RecordsMessages.info(Messages.text("record.saved", modelType.label()));
        } catch (RecordsRefusedException e) {
            LOG.info(() -> "Saving " + app + "/" + type + "/" + id + " refused: " + e.getMessage());
            refused(e);
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot save " + app + "/" + type + ": " + e.getMessage());
            RecordsMessages.unavailable();
        }
    }

    private void refused(RecordsRefusedException refusal) {
        stale = refusal.isStaleEdit();
        List<ApiAnswer.FieldProblem> onFields = refusal.errors().stream()
                .filter(p -> fields.stream().anyMatch(f -> f.key().equals(p.field()))).toList();
        if (stale || onFields.isEmpty()) {
            RecordsMessages.refused(refusal);
            return;
        }
        // catalogs' messages are predicates ("is required"): with the field's label they make a sentence.
        onFields.forEach(p -> problems.merge(p.field(), sentence(p.field(), p.message()), (a, b) -> a + " " + b));
        RecordsMessages.error(Messages.text("record.invalid"));
    }

    /** Deletes the record as the user saw it (a newer version is refused), then back to the list. */
    public void delete() throws IOException {
        try {
            records.delete(user.accessToken(), app, type, id, version);
            redirect("/list.xhtml?app=" + encode(app) + "&type=" + encode(type) + "&deleted=true");
        } catch (RecordsRefusedException e) {
            LOG.info(() -> "Deleting " + app + "/" + type + "/" + id + " refused: " + e.getMessage());
            stale = e.isStaleEdit();
            RecordsMessages.refused(e);
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot delete " + app + "/" + type + "/" + id + ": " + e.getMessage());
            RecordsMessages.unavailable();
        }
    }

    private String sentence(String field, String predicate) {
        String label = fields.stream().filter(f -> f.key().equals(field)).findFirst().map(ModelField::label)
                .orElse(field);
        return label + " " + predicate + (predicate.endsWith(".") ? "" : ".");
    }

    private static void redirect(String page) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + page);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public boolean isAvailable() {
        return modelType != null;
    }

    /** No record yet: the form creates one. */
    public boolean isCreating() {
        return id == null;
    }

    /** The last save or delete was refused because someone changed the record meanwhile. */
    public boolean isStale() {
        return stale;
    }

    public String getAppName() {
        return model == null ? app : model.name();
    }

    public String getTypeLabel() {
        return modelType == null ? type : modelType.label();
    }

    /** The fields of a form that was not designed, in model order. */
    public List<FormItem> getItems() {
        return items;
    }

    public List<FormSection> getSections() {
        return sections;
    }

    /** The type has a designed form: sections and columns, else one field after the other. */
    public boolean isDesigned() {
        return !sections.isEmpty();
    }

    public List<HistoryEntry> getHistory() {
        return history;
    }

    public boolean isHistoryUnavailable() {
        return historyUnavailable;
    }

    public Map<String, Object> getInputs() {
        return inputs;
    }

    public Map<String, String> getProblems() {
        return problems;
    }

    public long getVersion() {
        return version;
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

    public boolean isCreated() {
        return created;
    }

    /** Set by the redirect after a create, so that the record's page says it was created. */
    public void setCreated(boolean created) {
        this.created = created;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
