package io.plinth.studio.design;

import io.plinth.kernel.config.Settings;
import io.plinth.studio.apps.RefusedException;
import io.plinth.studio.apps.ViewServiceApps;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * An app's draft in view-service ({@code /api/apps/{app}/draft}), read and saved with the
 * signed-in user's token. Saving sends the revision the designer started from as {@code If-Match},
 * so that view-service refuses it (412) when someone saved meanwhile.
 */
@ApplicationScoped
public class ViewServiceDrafts {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    ServiceApi api;

    /** A draft as read: the app's name, the draft's revision and its model. */
    public record Draft(String appName, long revision, JsonObject model) {
    }

    @PostConstruct
    void connect() {
        api = new ServiceApi("view-service", settings.uri(ViewServiceApps.URL_KEY), executor, TIMEOUT);
    }

    /**
     * Reads the app (for the draft's revision), then the draft. In that order a save made between
     * the two reads makes the designer's revision older than its model, so saving is refused as
     * stale rather than overwriting that save.
     */
    public Draft load(String token, String app) throws ServiceUnavailableException, RefusedException {
        JsonObject summary = checked(api.get("/api/apps/" + encode(app), token)).body();
        JsonObject model = checked(api.get("/api/apps/" + encode(app) + "/draft", token)).body();
        return new Draft(summary.getString("name", app), revision(summary), model);
    }

    /** Saves {@code model} over revision {@code revision}; answers the new revision. */
    public long save(String token, String app, long revision, JsonObject model)
            throws ServiceUnavailableException, RefusedException {
        ApiAnswer answer = checked(api.send("PUT", "/api/apps/" + encode(app) + "/draft", token, model,
                Map.of("If-Match", "\"" + revision + "\"")));
        return revision(answer.body());
    }

    private static long revision(JsonObject app) throws ServiceUnavailableException {
        if (!(app.get("draftRevision") instanceof JsonNumber revision)) {
            throw new ServiceUnavailableException("view-service's app has no draftRevision");
        }
        return revision.longValue();
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
