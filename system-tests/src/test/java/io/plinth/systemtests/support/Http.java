package io.plinth.systemtests.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Minimal HTTP client for the tests: plain requests, JSON bodies, no retries. A client sends the
 * bearer token it was made with: {@link #admin()} the first administrator's, {@link #as(String)} any,
 * {@link #anonymous()} none. The static {@link #postJson(String, String)} acts
 * as the administrator; {@link #status(String)} asks anonymously (for health endpoints).
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Supplier<String> token;
    private final HttpClient client;

    private Http(Supplier<String> token) {
        this(token, CLIENT);
    }

    private Http(Supplier<String> token, HttpClient client) {
        this.token = token;
        this.client = client;
    }

    public static Http admin() {
        return new Http(Platform::adminToken);
    }

    public static Http as(String token) {
        return new Http(() -> token);
    }

    /**
     * A client asking {@code token} for the token of each request (for runs longer than a token
     * lives), sending through {@code client}.
     */
    public static Http as(Supplier<String> token, HttpClient client) {
        return new Http(token, client);
    }

    public static Http anonymous() {
        return new Http(() -> null);
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public HttpResponse<String> post(String url, String json) {
        return send(withJson(url).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String url, String json) {
        return send(withJson(url).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> patch(String url, String json) {
        return send(withJson(url).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    /** The status code of a GET, or -1 when nothing answers. */
    public int statusOf(String url) {
        try {
            return get(url).statusCode();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    /** Sends {@code request} with this client's token (if any). */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        String bearer = token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> postJson(String url, String json) {
        return admin().post(url, json);
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** The status code of an anonymous GET, or -1 when nothing answers. */
    public static int status(String url) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpRequest.Builder withJson(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    }
}
