package io.plinth.workplace.records;

import io.plinth.kernel.config.Settings;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import io.plinth.workplace.apps.ViewServiceApps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads an app's active model from view-service with the user's token: {@code GET /api/apps/{app}}
 * for its active version, then {@code GET /api/apps/{app}/versions/{n}} for the model.
 */
@ApplicationScoped
public class ViewServiceModels {

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    ServiceApi api;

    @PostConstruct
    void connect() {
        api = new ServiceApi("view-service", settings.uri(ViewServiceApps.URL_KEY), executor, CatalogsRecords.TIMEOUT);
    }

    /**
     * The active model of {@code app}; refused (404 {@code not-published}) when the app has none
     * yet, or when the user may not see the app.
     */
    public AppModel activeModel(String token, String app) throws ServiceUnavailableException, RecordsRefusedException {
        String path = "/api/apps/" + URLEncoder.encode(app, StandardCharsets.UTF_8);
        JsonObject summary = read(path, token);
        if (!(summary.get("activeVersion") instanceof JsonNumber active)) {
            throw new RecordsRefusedException(new ApiAnswer(404, jakarta.json.Json.createObjectBuilder()
                    .add("code", "not-published").add("detail", "app " + app + " has no active version").build()));
        }
        int version = active.intValue();
        JsonObject published = read(path + "/versions/" + version, token);
        try {
            return AppModelParser.parse(published.getJsonObject("model"), version);
        } catch (AppModelParser.MalformedModelException | ClassCastException | NullPointerException e) {
            throw new ServiceUnavailableException("view-service's version " + version + " of " + app + ": " + e);
        }
    }

    private JsonObject read(String path, String token) throws ServiceUnavailableException, RecordsRefusedException {
        ApiAnswer answer = api.get(path, token);
        if (answer.ok()) {
            return answer.body();
        }
        if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 401) {
            throw new RecordsRefusedException(answer);
        }
        throw new ServiceUnavailableException("view-service answered HTTP " + answer.status() + " " + answer.code()
                + " to GET " + path);
    }
}
