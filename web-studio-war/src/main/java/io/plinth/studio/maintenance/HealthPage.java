package io.plinth.studio.maintenance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Backs the Maintenance section's service health page: the last probe of every service. */
@Named
@ViewScoped
public class HealthPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ServiceHealthProbe probe;

    private List<ServiceHealth> services;
    private LocalTime checkedAt;

    @PostConstruct
    void load() {
        refresh();
    }

    public void refresh() {
        services = probe.probeAll();
        checkedAt = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
    }

    public List<ServiceHealth> getServices() {
        return services;
    }

    public long getUpCount() {
        return services.stream().filter(s -> s.status() == ServiceStatus.UP).count();
    }

    public LocalTime getCheckedAt() {
        return checkedAt;
    }

    /** The PrimeFaces tag colour of a status. */
    public String severity(ServiceStatus status) {
        return switch (status) {
            case UP -> "success";
            case DOWN -> "danger";
            case UNREACHABLE -> "warning";
        };
    }
}
