package io.plinth.workplace.apps;

import io.plinth.kernel.config.Settings;
import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.logging.Tracing;
import io.plinth.kernel.rest.Page;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads the apps from view-service's public REST API ({@code GET /api/apps}). */
@ApplicationScoped
public class ViewServiceApps {

    public static final String URL_KEY = "plinth.services.view-service.url";

    /** The page waits no longer than this for view-service, connection and whole answer included. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    private URI appsUri;
    private HttpClient client;

    @PostConstruct
    void connect() {
        String base = settings.uri(URL_KEY).toString().replaceAll("/+$", "");
        appsUri = URI.create(base + "/api/apps?limit=" + Page.MAX_LIMIT);
        client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .executor(executor)
                .build();
    }

    public AppList apps() throws ViewServiceUnavailableException {
        HttpResponse<byte[]> response = send(request());
        if (response.statusCode() != 200) {
            throw new ViewServiceUnavailableException("view-service answered HTTP " + response.statusCode()
                    + " to GET " + appsUri);
        }
        return parse(response.body());
    }

    private HttpRequest request() {
        HttpRequest.Builder request = HttpRequest.newBuilder(appsUri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        String requestId = RequestContext.requestId();
        if (requestId != null) {
            request.header(RequestContext.REQUEST_ID_HEADER, requestId);
        }
        String traceparent = Tracing.currentTraceparent();
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return request.build();
    }

    /** The deadline covers the body too: HttpClient's own timeout stops counting at the headers. */
    private HttpResponse<byte[]> send(HttpRequest request) throws ViewServiceUnavailableException {
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new ViewServiceUnavailableException("view-service did not answer GET " + appsUri + " within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ViewServiceUnavailableException("GET " + appsUri + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewServiceUnavailableException("interrupted while calling GET " + appsUri);
        }
    }

    private AppList parse(byte[] body) throws ViewServiceUnavailableException {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonObject page = reader.readObject();
            List<PublishedApp> apps = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .map(app -> new PublishedApp(app.getString("key"), app.getString("name"),
                            app.getString("description", "")))
                    .toList();
            return new AppList(apps, page.getJsonNumber("total").longValueExact());
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new ViewServiceUnavailableException("view-service's answer to GET " + appsUri
                    + " is not a page of apps: " + e);
        }
    }
}
