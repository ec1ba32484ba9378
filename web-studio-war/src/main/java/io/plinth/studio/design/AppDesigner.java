package io.plinth.studio.design;

import io.plinth.studio.apps.RefusedException;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Logger;

/**
 * Backs the app designer ({@code /design/app.xhtml?app=<key>}): reads the app's draft, lets the
 * designers edit it in the page, and saves it with the revision it was read at. view-service
 * checks the model: its problems show next to the inputs of their paths and in a summary; a draft
 * someone else saved meanwhile is refused and explained, with a reload.
 */
@Named
@ViewScoped
public class AppDesigner implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AppDesigner.class.getName());

    @Inject
    ViewServiceDrafts drafts;

    @Inject
    CurrentUser user;

    private String app;
    private String appName;
    private long revision;
    private DraftDocument draft;
    private DesignProblems problems = DesignProblems.none();
    private boolean stale;
    private int tab;

    /** Runs before the page first renders. */
    public void load() {
        read();
    }

    /** Reads the draft again, dropping what was not saved (after a refusal as stale, say). */
    public void reload() {
        if (read()) {
            Messages.info(null, Messages.text("design.reloaded", revision));
        }
    }

    public void save() {
        if (draft == null) {
            return;
        }
        JsonObject model = draft.toJson();
        try {
            revision = drafts.save(user.accessToken(), app, revision, model);
            problems = DesignProblems.none();
            stale = false;
            appName = draft.getName().isBlank() ? appName : draft.getName();
            Messages.info(null, Messages.text("design.saved", revision));
        } catch (RefusedException e) {
            refused(e, model);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    /** Items were added, removed or moved: problems no longer line up with the inputs. */
    public void reshaped() {
        problems.detach();
    }

    private boolean read() {
        if (app == null || app.isBlank()) {
            Messages.error(null, Messages.text("design.noApp"));
            return false;
        }
        try {
            ViewServiceDrafts.Draft read = drafts.load(user.accessToken(), app);
            draft = DraftDocument.parse(read.model());
            revision = read.revision();
            appName = read.appName();
            problems = DesignProblems.none();
            stale = false;
            return true;
        } catch (RefusedException e) {
            LOG.info(() -> "view-service refused the draft of " + app + ": " + e.getMessage());
            draft = null;
            Messages.error(null, switch (e.status()) {
                case 401 -> Messages.text("apps.unauthenticated");
                case 403 -> Messages.text("design.forbidden");
                case 404 -> Messages.text("design.notFound", app);
                default -> e.detail();
            });
        } catch (ServiceUnavailableException e) {
            draft = null;
            unavailable(e);
        }
        return false;
    }

    private void refused(RefusedException e, JsonObject sent) {
        LOG.info(() -> "view-service refused the draft of " + app + ": " + e.getMessage());
        switch (e.status()) {
            case 401 -> Messages.error(null, Messages.text("apps.unauthenticated"));
            case 403 -> Messages.error(null, Messages.text("design.forbidden"));
            case 404 -> Messages.error(null, Messages.text("design.notFound", app));
            case 409, 412 -> {
                stale = true;
                Messages.error(null, Messages.text("design.stale"));
            }
            default -> {
                problems = DesignProblems.of(e.errors(), sent);
                if (problems.isEmpty()) {
                    Messages.error(null, e.detail());
                } else {
                    Messages.error(null, Messages.text("design.invalid", problems.getSummary().size()));
                }
            }
        }
    }

    private void unavailable(ServiceUnavailableException e) {
        LOG.warning(() -> "The studio cannot reach view-service: " + e.getMessage());
        Messages.error(null, Messages.text("design.unavailable"));
    }

    /** A tab's title with the number of problems in the part of the model it edits, if any. */
    public String tabTitle(String label, String part) {
        return titled(label, problems.count(part));
    }

    public String tabTitle(String label, String part, String other) {
        return titled(label, problems.count(part) + problems.count(other));
    }

    private static String titled(String label, long count) {
        return count == 0 ? label : label + " (" + count + ")";
    }

    public List<FormPreview.Section> formPreview(FormDesign form) {
        return FormPreview.of(form, draft);
    }

    public List<ListPreview.Column> listPreview(ListDesign list) {
        return ListPreview.of(list, draft);
    }

    /**
     * What a form, list or rule on the type may name, plus {@code current} when it is none of them
     * (a field since renamed or removed): the select keeps it, and view-service says what is wrong.
     */
    public List<String> fieldChoices(String typeKey, String current) {
        return withCurrent(draft == null ? List.of() : draft.fieldChoices(typeKey), current);
    }

    public List<String> typeChoices(String current) {
        return withCurrent(draft == null ? List.of() : draft.getTypeKeys(), current);
    }

    public List<String> roleChoices(String current) {
        return withCurrent(draft == null ? List.of() : draft.getRoleKeys(), current);
    }

    public List<String> partitionChoices(TypeDesign type) {
        return withCurrent(type.getFieldKeys(), type.getSecurityPartition());
    }

    static List<String> withCurrent(List<String> choices, String current) {
        if (current == null || current.isBlank() || choices.contains(current)) {
            return choices;
        }
        List<String> all = new java.util.ArrayList<>(choices);
        all.add(current);
        return all;
    }

    /** The values a condition's field may take when it is an enum, for the value's hint. */
    public String valueHint(String typeKey, String fieldKey) {
        TypeDesign type = draft == null ? null : draft.type(typeKey);
        FieldDesign field = type == null ? null : type.field(fieldKey);
        return field != null && "enum".equals(field.getType()) ? String.join(", ", field.getValueList()) : "";
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }

    public String getAppName() {
        return appName;
    }

    public long getRevision() {
        return revision;
    }

    public DraftDocument getDraft() {
        return draft;
    }

    public boolean isAvailable() {
        return draft != null;
    }

    public DesignProblems getProblems() {
        return problems;
    }

    public boolean isStale() {
        return stale;
    }

    public int getTab() {
        return tab;
    }

    public void setTab(int tab) {
        this.tab = tab;
    }
}
