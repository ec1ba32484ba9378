package io.plinth.studio.publishing;

import io.plinth.studio.apps.RefusedException;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Logger;

/**
 * Backs the publishing page of one app: a dry run (the model's findings, or the changes and
 * catalogs' migration plan with its data-loss warning), publishing what was checked, the
 * publication's progress until it ends, and the app's versions with their differences and
 * rollback. view-service and catalogs decide; their refusals are shown as sentences.
 */
@Named
@ViewScoped
public class PublishPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublishPage.class.getName());
    static final String DRAFT = "draft";

    @Inject
    ViewServicePublishing viewService;

    @Inject
    CurrentUser user;

    private String app;
    private AppState state;
    private DryRun dryRun;
    private boolean confirmDataLoss;
    private Publication publication;
    private List<AppVersion> versions = List.of();
    private String diffFrom;
    private String diffTo = DRAFT;
    private Diff diff;
    private boolean available;

    /** Runs before the page renders: the app and its versions. */
    public void load() {
        if (app == null || app.isBlank()) {
            available = false;
            Messages.error(null, Messages.text("publish.noApp"));
            return;
        }
        refreshApp();
    }

    /** The dry run: nothing is published, nothing changes in catalogs. */
    public void check() {
        confirmDataLoss = false;
        try {
            dryRun = viewService.dryRun(user.accessToken(), app);
            if (!dryRun.valid()) {
                Messages.error(null, Messages.text("publish.check.invalid", dryRun.findings().size()));
            } else if (dryRun.unchanged()) {
                Messages.info(null, Messages.text("publish.check.unchanged"));
            } else if (!dryRun.publishable()) {
                Messages.error(null, Messages.text("publish.check.refused"));
            } else {
                Messages.info(null, Messages.text("publish.check.ready"));
            }
        } catch (RefusedException e) {
            dryRun = null;
            showRefusal(e);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    /** Publishes the draft the dry run checked; data loss only with the explicit confirmation. */
    public void publish() {
        if (dryRun == null || !dryRun.valid()) {
            Messages.error(null, Messages.text("publish.checkFirst"));
            return;
        }
        if (dryRun.needsDataLossConfirmation() && !confirmDataLoss) {
            Messages.error("publish:confirmDataLoss", Messages.text("publish.dataLoss.required"));
            return;
        }
        start(() -> viewService.publish(user.accessToken(), app, dryRun.draftRevision(), confirmDataLoss));
    }

    /** The last publication failed for want of the data-loss confirmation: the same again, confirmed. */
    public void retryConfirmingDataLoss() {
        if (publication == null || !confirmDataLoss) {
            Messages.error("progress:confirmRetry", Messages.text("publish.dataLoss.required"));
            return;
        }
        if ("rollback".equals(publication.kind()) && publication.sourceVersion() != null) {
            int version = publication.sourceVersion();
            start(() -> viewService.rollback(user.accessToken(), app, version, true));
        } else {
            start(() -> viewService.publish(user.accessToken(), app, null, true));
        }
    }

    public void rollback(AppVersion version) {
        confirmDataLoss = false;
        start(() -> viewService.rollback(user.accessToken(), app, version.version(), false));
    }

    /** The poll: the publication's latest state; once it ended, the app's versions again. */
    public void follow() {
        if (publication == null || !publication.isRunning()) {
            return;
        }
        try {
            publication = viewService.publication(user.accessToken(), app, publication.id());
            if (!publication.isRunning()) {
                announceEnd();
                dryRun = null;
                refreshApp();
            }
        } catch (RefusedException e) {
            showRefusal(e);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    public void showDiff() {
        if (diffFrom == null || diffTo == null || diffFrom.equals(diffTo)) {
            Messages.error("versions:diffFrom", Messages.text("versions.diff.pick"));
            return;
        }
        try {
            diff = viewService.diff(user.accessToken(), app, diffFrom, diffTo);
        } catch (RefusedException e) {
            showRefusal(e);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    /** What version {@code version} changed against the one before it. */
    public void showChangesOf(AppVersion version) {
        diffFrom = String.valueOf(version.version() - 1);
        diffTo = String.valueOf(version.version());
        showDiff();
    }

    private interface Start {
        Publication call() throws ServiceUnavailableException, RefusedException;
    }

    private void start(Start start) {
        try {
            publication = start.call();
            if (!publication.isRunning()) {
                announceEnd();
                refreshApp();
            }
        } catch (RefusedException e) {
            showRefusal(e);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    private void announceEnd() {
        confirmDataLoss = false;
        if (publication.isActive() && publication.unchanged()) {
            Messages.info(null, Messages.text("publication.unchanged"));
        } else if (publication.isActive()) {
            Messages.info(null, Messages.text("publication.active", publication.version()));
        } else {
            Messages.error(null, Messages.text("publication.failed", String.valueOf(publication.step())));
        }
    }

    private void refreshApp() {
        try {
            state = viewService.app(user.accessToken(), app);
            versions = state.latestVersion() == null ? List.of() : viewService.versions(user.accessToken(), app);
            if (diffFrom == null && state.activeVersion() != null) {
                diffFrom = String.valueOf(state.activeVersion());
            }
            available = true;
        } catch (RefusedException e) {
            available = e.status() != 404 && state != null;
            showRefusal(e);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    private void showRefusal(RefusedException e) {
        LOG.info(() -> "view-service refused: " + e.getMessage());
        switch (e.status()) {
            case 401 -> Messages.error(null, Messages.text("apps.unauthenticated"));
            case 403 -> Messages.error(null, Messages.text("publish.forbidden"));
            case 404 -> Messages.error(null, Messages.text("publish.notFound", app));
            case 412 -> Messages.error(null, Messages.text("publish.draftChanged"));
            default -> {
                if ("publication-in-progress".equals(e.code())) {
                    Messages.error(null, Messages.text("publish.inProgress"));
                    return;
                }
                Messages.error(null, e.detail());
                for (ApiAnswer.FieldProblem problem : e.errors()) {
                    Messages.error(null, problem.field() + ": " + problem.message());
                }
            }
        }
    }

    private void unavailable(ServiceUnavailableException e) {
        LOG.warning(() -> "The studio cannot reach view-service: " + e.getMessage());
        Messages.error(null, Messages.text("publish.unavailable"));
    }

    /** The PrimeFaces tag colour of a publication's or a step's status. */
    public String severity(String status) {
        return switch (status == null ? "" : status) {
            case "active", "done" -> "success";
            case "failed" -> "danger";
            case "validating", "applying", "running" -> "info";
            case "added", "renamed" -> "success";
            case "removed" -> "danger";
            case "changed", "reordered" -> "warning";
            default -> "secondary";
        };
    }

    /** The versions to compare, newest first, then the draft. */
    public List<String> getDiffChoices() {
        List<String> choices = new java.util.ArrayList<>(versions.stream().map(v -> String.valueOf(v.version())).toList());
        choices.add(0, DRAFT);
        return choices;
    }

    public boolean isRunning() {
        return publication != null && publication.isRunning();
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }

    public AppState getState() {
        return state;
    }

    public DryRun getDryRun() {
        return dryRun;
    }

    public Publication getPublication() {
        return publication;
    }

    public List<AppVersion> getVersions() {
        return versions;
    }

    public Diff getDiff() {
        return diff;
    }

    public boolean isAvailable() {
        return available;
    }

    public boolean isConfirmDataLoss() {
        return confirmDataLoss;
    }

    public void setConfirmDataLoss(boolean confirmDataLoss) {
        this.confirmDataLoss = confirmDataLoss;
    }

    public String getDiffFrom() {
        return diffFrom;
    }

    public void setDiffFrom(String diffFrom) {
        this.diffFrom = diffFrom;
    }

    public String getDiffTo() {
        return diffTo;
    }

    public void setDiffTo(String diffTo) {
        this.diffTo = diffTo;
    }
}
