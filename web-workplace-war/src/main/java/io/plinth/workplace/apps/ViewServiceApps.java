package io.plinth.workplace.apps;

import io.plinth.kernel.config.Settings;
import io.plinth.kernel.rest.Page;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Reads the apps from view-service's REST API ({@code GET /api/apps}) with the signed-in user's
 * token: view-service decides which apps they may see.
 */
@ApplicationScoped
public class ViewServiceApps {

    public static final String URL_KEY = "plinth.services.view-service.url";

    /** The page waits no longer than this for view-service, connection and whole answer included. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The user may not list apps (403): for them there are none, which is not an outage. */
    public static final class NotAllowedException extends Exception {

        private static final long serialVersionUID = 1L;

        NotAllowedException(String message) {
            super(message);
        }
    }

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    ServiceApi api;

    @PostConstruct
    void connect() {
        api = new ServiceApi("view-service", settings.uri(URL_KEY), executor, TIMEOUT);
    }

    /** The first page of apps whose key or name contains {@code search} (all when blank). */
    public AppList apps(String token, String search) throws ServiceUnavailableException, NotAllowedException {
        String query = "?limit=" + Page.MAX_LIMIT + (search == null || search.isBlank() ? ""
                : "&q=" + URLEncoder.encode(search.strip(), StandardCharsets.UTF_8).replace("+", "%20"));
        ApiAnswer answer = api.get("/api/apps" + query, token);
        if (answer.status() == 403) {
            throw new NotAllowedException("view-service: " + answer.detail());
        }
        if (!answer.ok()) {
            throw new ServiceUnavailableException("view-service answered HTTP " + answer.status() + " "
                    + answer.code() + " to GET /api/apps");
        }
        return parse(answer.body());
    }

    static AppList parse(JsonObject page) throws ServiceUnavailableException {
        try {
            List<PublishedApp> apps = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .map(app -> new PublishedApp(app.getString("key"), app.getString("name"),
                            app.get("description") instanceof JsonString text ? text.getString() : "",
                            app.get("activeVersion") instanceof JsonNumber version ? version.intValueExact() : null))
                    .toList();
            return new AppList(apps, page.getJsonNumber("total").longValueExact());
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new ServiceUnavailableException("view-service's answer to GET /api/apps is not a page of apps: " + e);
        }
    }
}
