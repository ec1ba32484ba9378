package io.plinth.studio.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "x".repeat(Integer.parseInt(exchange.getRequestURI().getPath().substring(1))).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void bodyWithinTheLimitIsRead() throws Exception {
        assertThat(fetch(1000)).hasSize(1000);
    }

    @Test
    void bodyOverTheLimitFailsTheExchange() {
        assertThatThrownBy(() -> fetch(5000))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("answer larger than 1024 bytes");
    }

    private byte[] fetch(int size) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + size);
        return client.sendAsync(HttpRequest.newBuilder(uri).build(), BoundedBody.handler(1024)).get().body();
    }
}
