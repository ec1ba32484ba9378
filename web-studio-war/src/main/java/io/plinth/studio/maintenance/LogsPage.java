package io.plinth.studio.maintenance;

import io.plinth.studio.apps.RefusedException;
import io.plinth.studio.web.Listing;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.web.faces.Messages;
import io.plinth.web.session.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Backs the log viewer: view-service's stored records of every service, filtered, newest first,
 * in pages. Pages after the first are pinned to the first page's newest record, so records that
 * keep arriving do not shift them; "follow" reloads the first page every few seconds instead.
 */
@Named
@ViewScoped
public class LogsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LogsPage.class.getName());
    static final int PAGE_SIZE = 50;
    static final List<String> LEVELS = List.of("error", "warning", "info", "debug", "trace");

    @Inject
    ViewServiceLogs logs;

    @Inject
    CurrentUser user;

    private String service;
    private String level;
    private LocalDateTime from;
    private LocalDateTime to;
    private String text;
    private String traceId;
    private boolean follow;
    private Listing<LogRecord> page = Listing.empty();
    private OffsetDateTime pinnedTo;
    private boolean available;

    /** Runs before the page renders: the newest records of every service. */
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

    /** The poll while following: the first page again, with what arrived since. */
    public void refresh() {
        if (follow) {
            fetch(0);
        }
    }

    public void clear() {
        service = null;
        level = null;
        from = null;
        to = null;
        text = null;
        traceId = null;
        fetch(0);
    }

    private void fetch(int offset) {
        if (from != null && to != null && !from.isBefore(to)) {
            Messages.error(null, Messages.text("logs.range.invalid"));
            return;
        }
        try {
            LogQuery query = new LogQuery(service, level, from, to, text, traceId);
            page = logs.search(user.accessToken(), query, offset, PAGE_SIZE, offset == 0 ? null : pinnedTo);
            if (offset == 0) {
                // "to" is exclusive: a microsecond after the newest record keeps it on the first page.
                pinnedTo = page.items().isEmpty() ? null : page.items().get(0).time().plusNanos(1000);
            }
            available = true;
        } catch (RefusedException e) {
            page = Listing.empty();
            available = false;
            LOG.info(() -> "view-service refused: " + e.getMessage());
            switch (e.status()) {
                case 401 -> Messages.error(null, Messages.text("apps.unauthenticated"));
                case 403 -> Messages.error(null, Messages.text("logs.forbidden"));
                default -> {
                    Messages.error(null, e.detail());
                    e.errors().forEach(p -> Messages.error(null, p.field() + ": " + p.message()));
                }
            }
        } catch (ServiceUnavailableException e) {
            page = Listing.empty();
            available = false;
            LOG.warning(() -> "The studio cannot reach view-service: " + e.getMessage());
            Messages.error(null, Messages.text("logs.unavailable"));
        }
    }

    /** The PrimeFaces tag colour of a level. */
    public String severity(String level) {
        return switch (level == null ? "" : level) {
            case "error" -> "danger";
            case "warning" -> "warning";
            case "info" -> "info";
            default -> "secondary";
        };
    }

    public List<String> getServices() {
        return ServiceDirectory.NAMES;
    }

    public List<String> getLevels() {
        return LEVELS;
    }

    public Listing<LogRecord> getPage() {
        return page;
    }

    public boolean isAvailable() {
        return available;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getTraceId() {
        return traceId;
    }

    public void setTraceId(String traceId) {
        this.traceId = traceId;
    }

    public boolean isFollow() {
        return follow;
    }

    public void setFollow(boolean follow) {
        this.follow = follow;
    }
}
