package io.plinth.workplace.records;

import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A record's form, generated from its type's fields: create (no {@code id}), view and edit, delete.
 * catalogs checks every value; its field problems show next to their inputs, and a change based on
 * an outdated version is refused and explained.
 */
@Named
@ViewScoped
public class RecordFormPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RecordFormPage.class.getName());

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
    private final List<ModelField> fields = new ArrayList<>();
    private final Map<String, Object> inputs = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, Map<String, String>> choices = new HashMap<>();
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
            List<ModelField> shown = modelType.fields().stream().filter(ModelField::isShownInForm).toList();
            List<String> visible = records.visibleFields(user.accessToken(), app, type,
                    shown.stream().map(ModelField::key).toList());
            shown.stream().filter(f -> visible.contains(f.key())).forEach(fields::add);
            for (ModelField field : fields) {
                if (field.kind() == FieldKind.REFERENCE && field.isEditable()) {
                    choices.put(field.key(), ReferenceChoices.load(records, user.accessToken(), model,
                            field.referenceType()));
                }
            }
            if (id != null) {
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

    private void read() throws ServiceUnavailableException, RecordsRefusedException {
        show(records.get(user.accessToken(), app, type, id));
    }

    private void show(JsonObject record) {
        inputs.clear();
        inputs.putAll(RecordValues.toInputs(fields, record));
        version = record.getJsonNumber("version").longValue();
        id = record.getString("id");
    }

    /** Creates the record, or saves the changes to it; problems land next to their fields. */
    public void save() throws IOException {
        problems.clear();
        stale = false;
        RecordValues.Converted values = RecordValues.toJson(fields, inputs);
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

    public List<ModelField> getFields() {
        return fields;
    }

    public Map<String, Object> getInputs() {
        return inputs;
    }

    public Map<String, String> getProblems() {
        return problems;
    }

    /** The choices of a reference field: record ids by label. */
    public Map<String, String> choicesOf(String field) {
        Map<String, String> byLabel = new java.util.LinkedHashMap<>();
        choices.getOrDefault(field, Map.of()).forEach((choiceId, label) -> byLabel.put(
                byLabel.containsKey(label) ? label + " (" + choiceId.substring(0, 8) + ")" : label, choiceId));
        return byLabel;
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
