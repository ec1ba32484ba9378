package io.plinth.studio.apps;

import io.plinth.kernel.config.Settings;
import io.plinth.studio.web.Listing;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * view-service's app API ({@code /api/apps}) as the studio uses it, with the signed-in user's
 * token: view-service decides what they may see and do.
 */
@ApplicationScoped
public class ViewServiceApps {

    public static final String URL_KEY = "plinth.services.view-service.url";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    ServiceApi api;

    @PostConstruct
    void connect() {
        api = new ServiceApi("view-service", settings.uri(URL_KEY), executor, TIMEOUT);
    }

    /** The apps whose key or name contains {@code search} (all when blank), ordered by key. */
    public Listing<AppSummary> list(String token, String search, int offset, int limit)
            throws ServiceUnavailableException, RefusedException {
        String query = "?offset=" + offset + "&limit=" + limit
                + (search == null || search.isBlank() ? "" : "&q=" + encode(search.strip()));
        JsonObject page = checked(api.get("/api/apps" + query, token)).body();
        try {
            JsonArray items = page.getJsonArray("items");
            return new Listing<>(items.getValuesAs(JsonObject.class).stream().map(AppSummary::of).toList(),
                    page.getInt("offset"), page.getInt("limit"), page.getJsonNumber("total").longValueExact());
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                 | IllegalArgumentException | DateTimeParseException e) {
            throw new ServiceUnavailableException("view-service's answer to GET /api/apps is not a page of apps: " + e);
        }
    }

    /** Creates an app whose model is just its key and name. */
    public void create(String token, String key, String name) throws ServiceUnavailableException, RefusedException {
        JsonObject model = Json.createObjectBuilder().add("key", key).add("name", name).build();
        checked(api.send("POST", "/api/apps", token, model, Map.of()));
    }

    /** Deletes an app that was never published (view-service refuses the others). */
    public void delete(String token, String key) throws ServiceUnavailableException, RefusedException {
        checked(api.send("DELETE", "/api/apps/" + encode(key), token, null, Map.of()));
    }

    private static ApiAnswer checked(ApiAnswer answer) throws ServiceUnavailableException, RefusedException {
        if (answer.status() >= 500) {
            throw new ServiceUnavailableException("view-service answered HTTP " + answer.status() + " "
                    + answer.code());
        }
        if (!answer.ok()) {
            throw new RefusedException(answer);
        }
        return answer;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
