package io.plinth.workplace.apps;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/** The apps of the workplace's home page, read from view-service once per view. */
@Named
@ViewScoped
public class WorkplaceApps implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WorkplaceApps.class.getName());

    @Inject
    ViewServiceApps viewService;

    private AppList list = new AppList(List.of(), 0);
    private boolean available;

    /** Runs before the page renders, so an unreachable view-service becomes a message on it. */
    public void load() {
        try {
            list = viewService.apps();
            available = true;
        } catch (ViewServiceUnavailableException e) {
            LOG.warning(() -> "The workplace cannot list apps: " + e.getMessage());
            FacesContext faces = FacesContext.getCurrentInstance();
            ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    messages.getString("apps.unavailable.summary"), messages.getString("apps.unavailable.detail")));
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
}
