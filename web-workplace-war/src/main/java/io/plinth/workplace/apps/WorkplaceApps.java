package io.plinth.workplace.apps;

import io.plinth.web.session.CurrentUser;
import io.plinth.web.faces.Messages;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Logger;

/** The apps of the workplace's home page, as view-service shows them to the signed-in user. */
@Named
@ViewScoped
public class WorkplaceApps implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WorkplaceApps.class.getName());

    @Inject
    ViewServiceApps viewService;

    @Inject
    CurrentUser user;

    private AppList list = new AppList(List.of(), 0);
    private String search;
    private boolean available;

    /** Runs before the page renders, so an unreachable view-service becomes a message on it. */
    public void load() {
        try {
            list = viewService.apps(user.accessToken(), search);
            available = true;
        } catch (ViewServiceApps.NotAllowedException e) {
            LOG.info(() -> "No apps for " + user.getLogin() + ": " + e.getMessage());
            list = new AppList(List.of(), 0);
            available = true;
        } catch (ServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot list apps: " + e.getMessage());
            available = false;
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.text("apps.unavailable.summary"), Messages.text("apps.unavailable.detail")));
        }
    }

    /** False when view-service could not be asked: the page then shows why, not an empty list. */
    public boolean isAvailable() {
        return available;
    }

    public List<PublishedApp> getApps() {
        return list.apps();
    }

    public long getTotal() {
        return list.total();
    }

    /** True when view-service has more apps than the one page the workplace asked for. */
    public boolean isTruncated() {
        return list.total() > list.apps().size();
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
