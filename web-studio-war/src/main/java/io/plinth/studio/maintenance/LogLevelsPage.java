package io.plinth.studio.maintenance;

import io.plinth.studio.apps.RefusedException;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Backs the log levels page: each service's level as view-service stores it, and changing it.
 * Every running instance of the service applies a change within moments; single loggers' levels
 * are kept as they are.
 */
@Named
@ViewScoped
public class LogLevelsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LogLevelsPage.class.getName());

    @Inject
    ViewServiceLogs logs;

    @Inject
    CurrentUser user;

    private List<ServiceLevels> services = List.of();
    /** The level picked per service ("" for the default), until saved. */
    private final Map<String, String> chosen = new HashMap<>();
    private boolean available;

    public void load() {
        try {
            services = logs.levels(user.accessToken());
            chosen.clear();
            services.forEach(s -> chosen.put(s.service(), s.level() == null ? "" : s.level()));
            available = true;
        } catch (RefusedException e) {
            available = false;
            refused(e);
        } catch (ServiceUnavailableException e) {
            available = false;
            unavailable(e);
        }
    }

    public void save(ServiceLevels current) {
        String level = chosen.get(current.service());
        try {
            ServiceLevels saved = logs.change(user.accessToken(), current, level == null || level.isEmpty() ? null : level);
            List<ServiceLevels> next = new ArrayList<>(services);
            next.replaceAll(s -> s.service().equals(saved.service()) ? saved : s);
            services = List.copyOf(next);
            Messages.info(null, Messages.text("levels.saved", saved.service(),
                    saved.level() == null ? Messages.text("levels.default") : saved.level()));
        } catch (RefusedException e) {
            refused(e);
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        }
    }

    private void refused(RefusedException e) {
        LOG.info(() -> "view-service refused: " + e.getMessage());
        switch (e.status()) {
            case 401 -> Messages.error(null, Messages.text("apps.unauthenticated"));
            case 403 -> Messages.error(null, Messages.text("levels.forbidden"));
            default -> {
                Messages.error(null, e.detail());
                e.errors().forEach(p -> Messages.error(null, p.field() + ": " + p.message()));
            }
        }
    }

    private void unavailable(ServiceUnavailableException e) {
        LOG.warning(() -> "The studio cannot reach view-service: " + e.getMessage());
        Messages.error(null, Messages.text("levels.unavailable"));
    }

    public List<ServiceLevels> getServices() {
        return services;
    }

    public List<String> getLevels() {
        return LogsPage.LEVELS;
    }

    /** Bound per row: {@code #{logLevelsPage.chosen[s.service()]}}. */
    public Map<String, String> getChosen() {
        return chosen;
    }

    public boolean isAvailable() {
        return available;
    }
}
