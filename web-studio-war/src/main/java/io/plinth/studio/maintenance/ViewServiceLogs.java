package io.plinth.studio.maintenance;

import io.plinth.kernel.config.Settings;
import io.plinth.studio.apps.RefusedException;
import io.plinth.studio.apps.ViewServiceApps;
import io.plinth.studio.web.Answers;
import io.plinth.studio.web.Listing;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * view-service's logs and log-levels API ({@code /api/logs}, {@code /api/log-levels}) with the
 * signed-in user's token: {@code view-service:logs:read} and {@code :admin} decide who sees what.
 */
@ApplicationScoped
public class ViewServiceLogs {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SERVICE = "view-service";

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    ServiceApi api;

    @PostConstruct
    void connect() {
        api = new ServiceApi(SERVICE, settings.uri(ViewServiceApps.URL_KEY), executor, TIMEOUT);
    }

    public Listing<LogRecord> search(String token, LogQuery query, int offset, int limit, OffsetDateTime pinnedTo)
            throws ServiceUnavailableException, RefusedException {
        JsonObject page = Answers.checked(SERVICE, api.get("/api/logs" + query.queryString(offset, limit, pinnedTo),
                token)).body();
        return Answers.read(SERVICE, () -> new Listing<>(
                page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(LogRecord::of).toList(),
                page.getInt("offset"), page.getInt("limit"), page.getJsonNumber("total").longValueExact()));
    }

    /** The levels of every service that ships logs (those of {@link ServiceDirectory#NAMES}). */
    public List<ServiceLevels> levels(String token) throws ServiceUnavailableException, RefusedException {
        List<ServiceLevels> levels = new ArrayList<>();
        for (String service : ServiceDirectory.NAMES) {
            JsonObject answer = Answers.checked(SERVICE, api.get("/api/log-levels/" + service, token)).body();
            levels.add(Answers.read(SERVICE, () -> ServiceLevels.of(answer)));
        }
        return levels;
    }

    /** Sets the level of the service's own loggers ({@code null}: the default), keeping its single loggers' levels. */
    public ServiceLevels change(String token, ServiceLevels current, String level)
            throws ServiceUnavailableException, RefusedException {
        JsonObjectBuilder loggers = Json.createObjectBuilder();
        current.loggers().forEach(loggers::add);
        JsonObjectBuilder body = Json.createObjectBuilder().add("loggers", loggers);
        if (level != null && !level.isBlank()) {
            body.add("level", level);
        }
        JsonObject answer = Answers.checked(SERVICE, api.send("PUT", "/api/log-levels/" + current.service(), token,
                body.build(), Map.of())).body();
        return Answers.read(SERVICE, () -> ServiceLevels.of(answer));
    }
}
