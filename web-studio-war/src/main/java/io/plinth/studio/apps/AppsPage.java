package io.plinth.studio.apps;

import io.plinth.studio.web.Listing;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.logging.Logger;

/**
 * Backs the Apps page: a searchable, paged list of the apps, creating one from a key and a name,
 * and deleting one that was never published. view-service decides; its refusals appear next to
 * the field they concern, and its absence as a message instead of a list.
 */
@Named
@ViewScoped
public class AppsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AppsPage.class.getName());
    static final int PAGE_SIZE = 20;
    private static final String FORM = "create";

    @Inject
    ViewServiceApps viewService;

    @Inject
    CurrentUser user;

    private String search;
    private String newKey;
    private String newName;
    private Listing<AppSummary> page = Listing.empty();
    private boolean available;

    /** Runs before the page renders (and so before its messages do). */
    public void load() {
        fetch(0);
    }

    public void search() {
        fetch(0);
    }

    public void previous() {
        fetch(Math.max(0, page.offset() - PAGE_SIZE));
    }

    public void next() {
        fetch(page.offset() + PAGE_SIZE);
    }

    /** Creates the app; the list then shows it (searched by its key). */
    public void create() {
        String key = strip(newKey);
        String name = strip(newName);
        try {
            viewService.create(user.accessToken(), key, name);
            Messages.info(null, Messages.text("apps.created", key));
            newKey = null;
            newName = null;
            search = key;
            fetch(0);
        } catch (RefusedException e) {
            showRefusal(e);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    public void delete(AppSummary app) {
        try {
            viewService.delete(user.accessToken(), app.key());
            Messages.info(null, Messages.text("apps.deleted", app.key()));
            // The last item of a page gone: show the page before it.
            fetch(page.items().size() == 1 && page.offset() > 0 ? page.offset() - PAGE_SIZE : page.offset());
        } catch (RefusedException e) {
            showRefusal(e);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    private void fetch(int offset) {
        try {
            page = viewService.list(user.accessToken(), search, offset, PAGE_SIZE);
            available = true;
        } catch (RefusedException e) {
            page = Listing.empty();
            available = false;
            showRefusal(e);
        } catch (ServiceUnavailableException e) {
            page = Listing.empty();
            unavailable(e);
        }
    }

    /** Field problems go next to their field; anything else (a taken key included) is said once. */
    private void showRefusal(RefusedException e) {
        LOG.info(() -> "view-service refused: " + e.getMessage());
        switch (e.status()) {
            case 401 -> Messages.error(null, Messages.text("apps.unauthenticated"));
            case 403 -> Messages.error(null, Messages.text("apps.forbidden"));
            default -> {
                if ("app-key-taken".equals(e.code())) {
                    Messages.error(FORM + ":key", e.detail());
                    return;
                }
                if (e.errors().isEmpty()) {
                    Messages.error(null, e.detail());
                }
                for (ApiAnswer.FieldProblem problem : e.errors()) {
                    switch (problem.field()) {
                        case "key" -> Messages.error(FORM + ":key", problem.message());
                        case "name" -> Messages.error(FORM + ":name", problem.message());
                        default -> Messages.error(null, problem.field() + ": " + problem.message());
                    }
                }
            }
        }
    }

    private void unavailable(ServiceUnavailableException e) {
        LOG.warning(() -> "The studio cannot reach view-service: " + e.getMessage());
        available = false;
        Messages.error(null, Messages.text("apps.unavailable"));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public Listing<AppSummary> getPage() {
        return page;
    }

    /** False when the list could not be read: the page then says why instead of showing an empty list. */
    public boolean isAvailable() {
        return available;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getNewKey() {
        return newKey;
    }

    public void setNewKey(String newKey) {
        this.newKey = newKey;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
