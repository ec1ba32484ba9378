package io.plinth.web.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A platform service played by the JDK's HTTP server: every request is recorded, and answered by
 * the test's function with a status, a content type and a body.
 */
public final class FakeService implements AutoCloseable {

    /** One request as the fake service received it. */
    public record Received(String method, String pathAndQuery, String authorization, String forwardedFor,
                           String body) {
    }

    /** What the fake service answers. */
    public record Answer(int status, String contentType, String body) {

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }

        public static Answer problem(int status, String code, String detail) {
            return new Answer(status, "application/problem+json",
                    "{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}");
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService clientThreads = Executors.newCachedThreadPool();
    private volatile Function<Received, Answer> answers;

    public FakeService(Function<Received, Answer> answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public void answer(Function<Received, Answer> next) {
        answers = next;
    }

    public ServiceApi api(Duration timeout) {
        return new ServiceApi("fake", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                clientThreads, timeout);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Forwarded-For"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.add(request);
        Answer answer = answers.apply(request);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** A base URL where nothing listens: the service is down. */
    public static ServiceApi unreachable(Duration timeout) throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new ServiceApi("down", URI.create("http://127.0.0.1:" + port), Executors.newSingleThreadExecutor(),
                timeout);
    }

    @Override
    public void close() {
        server.stop(0);
        clientThreads.shutdownNow();
    }
}
