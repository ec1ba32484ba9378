package io.plinth.studio.publishing;

import static io.plinth.studio.web.Answers.encode;

import io.plinth.kernel.config.Settings;
import io.plinth.studio.apps.RefusedException;
import io.plinth.studio.apps.ViewServiceApps;
import io.plinth.studio.web.Answers;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * view-service's publishing API as the studio uses it (dry run, publish, rollback, publications,
 * versions, diff), with the signed-in user's token: view-service and catalogs decide.
 */
@ApplicationScoped
public class ViewServicePublishing {

    /** A dry run asks catalogs for its plan, which may take longer than a plain read. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int VERSIONS = 100;
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

    public AppState app(String token, String app) throws ServiceUnavailableException, RefusedException {
        return read(() -> AppState.of(call("GET", "/api/apps/" + encode(app), token, null, Map.of())));
    }

    /** Validates the draft and plans its publication; an invalid model answers its findings rather than a refusal. */
    public DryRun dryRun(String token, String app) throws ServiceUnavailableException, RefusedException {
        ApiAnswer answer = api.send("POST", "/api/apps/" + encode(app) + "/publish?dryRun=true", token, null, Map.of());
        if (answer.status() == 400 && "validation-failed".equals(answer.code())) {
            return DryRun.refused(answer.detail(), answer.errors());
        }
        JsonObject plan = Answers.checked(SERVICE, answer).body();
        return read(() -> DryRun.of(plan));
    }

    /**
     * Starts publishing the draft at {@code draftRevision} (the one the dry run checked; 412 when
     * it changed since), accepting data loss only when {@code confirmDataLoss}.
     */
    public Publication publish(String token, String app, Long draftRevision, boolean confirmDataLoss)
            throws ServiceUnavailableException, RefusedException {
        Map<String, String> headers = draftRevision == null ? Map.of() : Map.of("If-Match", "\"" + draftRevision + "\"");
        return read(() -> Publication.of(call("POST", "/api/apps/" + encode(app) + "/publish"
                + (confirmDataLoss ? "?confirmDataLoss=true" : ""), token, null, headers)));
    }

    /** Publishes version {@code version}'s content again, as a new version. */
    public Publication rollback(String token, String app, int version, boolean confirmDataLoss)
            throws ServiceUnavailableException, RefusedException {
        JsonObject body = Json.createObjectBuilder().add("version", version).build();
        return read(() -> Publication.of(call("POST", "/api/apps/" + encode(app) + "/rollback"
                + (confirmDataLoss ? "?confirmDataLoss=true" : ""), token, body, Map.of())));
    }

    public Publication publication(String token, String app, String id)
            throws ServiceUnavailableException, RefusedException {
        return read(() -> Publication.of(call("GET", "/api/apps/" + encode(app) + "/publications/" + encode(id), token,
                null, Map.of())));
    }

    /** The newest versions, newest first. */
    public List<AppVersion> versions(String token, String app) throws ServiceUnavailableException, RefusedException {
        JsonObject page = call("GET", "/api/apps/" + encode(app) + "/versions?limit=" + VERSIONS, token, null, Map.of());
        return read(() -> PublishPlan.objects(page.get("items")).stream().map(AppVersion::of).toList());
    }

    /** The changes from {@code from} to {@code to}: version numbers or {@code draft}. */
    public Diff diff(String token, String app, String from, String to)
            throws ServiceUnavailableException, RefusedException {
        return read(() -> Diff.of(from, to, call("GET", "/api/apps/" + encode(app) + "/versions/" + encode(from)
                + "/diff/" + encode(to), token, null, Map.of())));
    }

    private JsonObject call(String method, String path, String token, JsonObject body, Map<String, String> headers)
            throws ServiceUnavailableException, RefusedException {
        return Answers.checked(SERVICE, api.send(method, path, token, body, headers)).body();
    }

    /** An answer of the wrong shape is a service not to be relied on, as good as absent. */
    private static <T> T read(Answers.Reading<T> reading) throws ServiceUnavailableException, RefusedException {
        return Answers.read(SERVICE, reading);
    }
}
