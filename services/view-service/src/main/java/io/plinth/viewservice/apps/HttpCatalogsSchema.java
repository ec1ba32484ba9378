package io.plinth.viewservice.apps;

import io.plinth.kernel.config.Settings;
import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.logging.Tracing;
import io.plinth.kernel.problem.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link CatalogsSchema} over catalogs' public REST API at {@code plinth.services.catalogs.url},
 * with the publishing user's bearer token, the request id and the trace. A whole call, answer
 * included, takes at most {@code plinth.publishing.catalogs-timeout}: applying may rewrite tables.
 */
@ApplicationScoped
public class HttpCatalogsSchema implements CatalogsSchema {

    public static final String URL_KEY = "plinth.services.catalogs.url";
    public static final String TIMEOUT_KEY = "plinth.publishing.catalogs-timeout";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    private String base;
    private Duration timeout;
    private HttpClient client;

    @PostConstruct
    void connect() {
        connect(settings.uri(URL_KEY), settings.duration(TIMEOUT_KEY), executor);
    }

    void connect(URI catalogs, Duration callTimeout, Executor callbacks) {
        base = catalogs.toString().replaceAll("/+$", "");
        timeout = callTimeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (callbacks != null) {
            builder.executor(callbacks);
        }
        client = builder.build();
    }

    @Override
    public JsonObject plan(String app, JsonObject request, Credentials credentials) {
        return call(HttpRequest.BodyPublishers.ofString(request.toString()), "POST", "/" + app + "/plan", credentials);
    }

    @Override
    public JsonObject apply(String app, JsonObject request, Credentials credentials) {
        return call(HttpRequest.BodyPublishers.ofString(request.toString()), "POST", "/" + app + "/apply", credentials);
    }

    @Override
    public JsonObject remove(String app, int version, boolean confirmDataLoss, Credentials credentials) {
        return call(HttpRequest.BodyPublishers.noBody(), "DELETE", "/" + app + "?version=" + version
                + "&confirmDataLoss=" + confirmDataLoss, credentials);
    }

    /** {@code path} holds a key view-service validated (lower-case letters, digits, dashes): safe in a URI. */
    private JsonObject call(HttpRequest.BodyPublisher body, String method, String path, Credentials credentials) {
        URI uri = URI.create(base + "/api/schema" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", credentials.authorization(Publication.CATALOGS, Clock.systemUTC()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body);
        String requestId = RequestContext.requestId();
        if (requestId != null) {
            request.header(RequestContext.REQUEST_ID_HEADER, requestId);
        }
        String traceparent = Tracing.currentTraceparent();
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<byte[]> response = send(request.build());
        JsonObject answer = parse(response.body());
        if (response.statusCode() == 200 && answer != null) {
            return answer;
        }
        throw problem(method + " " + uri, response.statusCode(), answer);
    }

    /** The deadline covers the body too: HttpClient's own timeout stops counting at the headers. */
    private HttpResponse<byte[]> send(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw noAnswer(request);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw noAnswer(request);
            }
            throw ParticipantException.unreachable(Publication.CATALOGS, "could not call " + request.method() + " "
                    + request.uri()
                    + ": " + why(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ParticipantException.unreachable(Publication.CATALOGS, "interrupted while calling "
                    + request.method() + " " + request.uri());
        }
    }

    /**
     * "ConnectException: Connection refused": the failure and the first message in its causes
     * (HttpClient's own exceptions often have none).
     */
    static String why(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return failure.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return failure instanceof ConnectException ? "cannot connect (ConnectException)"
                : failure.getClass().getSimpleName();
    }

    private ParticipantException noAnswer(HttpRequest request) {
        return ParticipantException.unreachable(Publication.CATALOGS, "no answer to " + request.method() + " "
                + request.uri() + " within " + (timeout.toSeconds() > 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** catalogs' problem+json as a {@link ParticipantException}; any other answer as a plain failure. */
    static ParticipantException problem(String call, int status, JsonObject answer) {
        if (answer == null || !(answer.get("code") instanceof JsonString code)) {
            return new ParticipantException(Publication.CATALOGS, status, "unexpected-answer",
                    call + " answered HTTP " + status + " without a problem document", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        if (answer.get("errors") instanceof JsonArray list) {
            for (JsonValue item : list) {
                if (item instanceof JsonObject error) {
                    errors.add(new FieldError(error.getString("field", ""), error.getString("message", "")));
                }
            }
        }
        return new ParticipantException(Publication.CATALOGS, status, code.getString(),
                answer.getString("detail", answer.getString("title", "no detail")), errors);
    }
}
