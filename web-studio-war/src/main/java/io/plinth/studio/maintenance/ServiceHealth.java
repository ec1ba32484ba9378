package io.plinth.studio.maintenance;

import java.io.Serializable;
import java.net.URI;
import java.util.List;

/**
 * One service's health: overall status, the HTTP status of its {@code /hc} (null when it did not
 * answer), its checks, how long the probe took, and why it is not UP when the checks do not say.
 */
public record ServiceHealth(String name, URI healthUrl, ServiceStatus status, Integer httpStatus,
                            List<CheckResult> checks, long latencyMs, String problem) implements Serializable {

    public ServiceHealth {
        checks = List.copyOf(checks);
    }

    static ServiceHealth unreachable(PlatformService service, String reason, long latencyMs) {
        return new ServiceHealth(service.name(), service.healthUrl(), ServiceStatus.UNREACHABLE, null,
                List.of(), latencyMs, reason);
    }
}
