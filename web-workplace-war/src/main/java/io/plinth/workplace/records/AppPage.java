package io.plinth.workplace.records;

import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Logger;

/** An app's start page: its navigation from the active model (or, when it has none, its types). */
@Named
@ViewScoped
public class AppPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AppPage.class.getName());

    @Inject
    ViewServiceModels models;

    @Inject
    CurrentUser user;

    private String app;
    private AppModel model;

    public void load() {
        try {
            model = models.activeModel(user.accessToken(), app);
        } catch (RecordsRefusedException e) {
            LOG.info(() -> "App " + app + " for " + user.getLogin() + ": " + e.getMessage());
            RecordsMessages.refused(e);
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot read app " + app + ": " + e.getMessage());
            RecordsMessages.unavailable();
        }
    }

    public boolean isAvailable() {
        return model != null;
    }

    public String getName() {
        return model == null ? app : model.name();
    }

    public List<NavigationEntry> getNavigation() {
        return model == null ? List.of() : model.navigation();
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }
}
