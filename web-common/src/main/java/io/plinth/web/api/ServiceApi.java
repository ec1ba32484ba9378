package io.plinth.web.api;

import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.logging.Tracing;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON calls to one platform service's REST API on behalf of a page, bounded in time so that a
 * slow service costs a page at most {@code timeout}. Any HTTP status is an answer for the caller
 * to read; only no answer at all (refused, timed out, not JSON) is a {@link ServiceUnavailableException}.
 */
public final class ServiceApi {

    private final String service;
    private final String base;
    private final Duration timeout;
    private final HttpClient client;

    public ServiceApi(String service, URI base, Executor executor, Duration timeout) {
        this.service = service;
        this.base = base.toString().replaceAll("/+$", "");
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** {@code path} starts with a slash and is relative to the service's root, query included. */
    public ApiAnswer get(String path, String bearer) throws ServiceUnavailableException {
        return send("GET", path, bearer, null, Map.of());
    }

    /**
     * Sends {@code body} (or none) with the bearer token (or none) and the extra {@code headers};
     * answers whatever status came back.
     */
    public ApiAnswer send(String method, String path, String bearer, JsonObject body, Map<String, String> headers)
            throws ServiceUnavailableException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        String requestId = RequestContext.requestId();
        if (requestId != null) {
            request.header(RequestContext.REQUEST_ID_HEADER, requestId);
        }
        String traceparent = Tracing.currentTraceparent();
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        headers.forEach(request::header);
        String what = method + " " + service + " " + path.replaceAll("\\?.*", "");
        HttpResponse<byte[]> response = exchange(request.build(), what);
        return read(response, what);
    }

    /** The deadline covers the body too: HttpClient's own timeout stops counting at the headers. */
    private HttpResponse<byte[]> exchange(HttpRequest request, String what) throws ServiceUnavailableException {
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new ServiceUnavailableException(what + ": no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ServiceUnavailableException(what + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(what + ": interrupted");
        }
    }

    private static ApiAnswer read(HttpResponse<byte[]> response, String what) throws ServiceUnavailableException {
        byte[] bytes = response.body();
        if (bytes == null || bytes.length == 0) {
            return ApiAnswer.empty(response.statusCode());
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return new ApiAnswer(response.statusCode(), reader.readObject());
        } catch (JsonException e) {
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                throw new ServiceUnavailableException(what + ": answer " + response.statusCode() + " is not a JSON object");
            }
            // An error page of a proxy or a server in trouble: the status says enough.
            return ApiAnswer.empty(response.statusCode());
        }
    }
}
