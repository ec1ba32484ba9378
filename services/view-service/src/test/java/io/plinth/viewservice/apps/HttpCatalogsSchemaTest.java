package io.plinth.viewservice.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.plinth.kernel.problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calls to catalogs over HTTP, against a small local server standing in for catalogs. */
class HttpCatalogsSchemaTest {

    private static final Credentials ALICE = Credentials.of("token-of-alice", Instant.now().plusSeconds(300));
    private static final JsonObject REQUEST = Json.createObjectBuilder().add("types", Json.createArrayBuilder())
            .add("version", 1).build();

    private HttpServer server;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile int status = 200;
    private volatile String answer = "{\"app\":\"shop\",\"fromVersion\":null,\"toVersion\":1,\"steps\":[]}";
    private volatile long delayMillis;

    @BeforeEach
    void startCatalogs() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/catalogs/api/schema/", exchange -> {
            seen.put("method", exchange.getRequestMethod());
            seen.put("path", exchange.getRequestURI().getPath());
            seen.put("query", String.valueOf(exchange.getRequestURI().getQuery()));
            seen.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopCatalogs() {
        server.stop(0);
    }

    private HttpCatalogsSchema catalogs(Duration timeout) {
        HttpCatalogsSchema catalogs = new HttpCatalogsSchema();
        catalogs.connect(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/catalogs/"), timeout, null);
        return catalogs;
    }

    @Test
    void theUsersTokenAndTheRequestGoToCatalogsAndItsAnswerComesBack() {
        JsonObject plan = catalogs(Duration.ofSeconds(5)).apply("shop", REQUEST, ALICE);

        assertThat(plan.getInt("toVersion")).isEqualTo(1);
        assertThat(seen).containsEntry("path", "/catalogs/api/schema/shop/apply")
                .containsEntry("authorization", "Bearer token-of-alice")
                .containsEntry("body", REQUEST.toString());
    }

    @Test
    void removingAsksCatalogsToDropOnlyTheGivenVersion() {
        answer = "{\"app\":\"shop\",\"fromVersion\":1,\"dataLoss\":false,\"steps\":[{\"kind\":\"drop-type\"}]}";

        JsonObject removal = catalogs(Duration.ofSeconds(5)).remove("shop", 1, true, ALICE);

        assertThat(removal.getInt("fromVersion")).isEqualTo(1);
        assertThat(seen).containsEntry("method", "DELETE").containsEntry("path", "/catalogs/api/schema/shop")
                .containsEntry("query", "version=1&confirmDataLoss=true")
                .containsEntry("authorization", "Bearer token-of-alice").containsEntry("body", "");
    }

    @Test
    void aProblemFromCatalogsKeepsItsCodeDetailAndPaths() {
        status = 409;
        answer = "{\"status\":409,\"code\":\"schema-change-refused\",\"detail\":\"1 field cannot change its type\","
                + "\"errors\":[{\"field\":\"types[0].fields[2].type\",\"message\":\"date cannot become boolean\"}]}";

        assertThatThrownBy(() -> catalogs(Duration.ofSeconds(5)).plan("shop", REQUEST, ALICE))
                .isInstanceOfSatisfying(ParticipantException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.refused()).isTrue();
                    assertThat(e.code()).isEqualTo("schema-change-refused");
                    assertThat(e.detail()).isEqualTo("1 field cannot change its type");
                    assertThat(e.errors()).containsExactly(new FieldError("types[0].fields[2].type",
                            "date cannot become boolean"));
                });
        assertThat(seen).containsEntry("path", "/catalogs/api/schema/shop/plan");
    }

    @Test
    void anAnswerThatIsNoProblemIsAFailureNotARefusal() {
        status = 502;
        answer = "<html>Bad gateway</html>";

        assertThatThrownBy(() -> catalogs(Duration.ofSeconds(5)).apply("shop", REQUEST, ALICE))
                .isInstanceOfSatisfying(ParticipantException.class, e -> {
                    assertThat(e.refused()).isFalse();
                    assertThat(e.code()).isEqualTo("unexpected-answer");
                    assertThat(e.detail()).contains("answered HTTP 502");
                });
    }

    @Test
    void noAnswerInTimeIsUnreachableNotARefusal() {
        delayMillis = 2_000;

        assertThatThrownBy(() -> catalogs(Duration.ofMillis(300)).apply("shop", REQUEST, ALICE))
                .isInstanceOfSatisfying(ParticipantException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.refused()).isFalse();
                    assertThat(e.code()).isEqualTo("participant-unreachable");
                    assertThat(e.detail()).contains("no answer to POST").contains("within 300 ms");
                });
    }

    @Test
    void aCatalogsThatIsNotThereIsUnreachable() throws IOException {
        int free;
        try (ServerSocket socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        HttpCatalogsSchema catalogs = new HttpCatalogsSchema();
        catalogs.connect(URI.create("http://127.0.0.1:" + free), Duration.ofSeconds(5), null);

        assertThatThrownBy(() -> catalogs.plan("shop", REQUEST, ALICE))
                .isInstanceOfSatisfying(ParticipantException.class, e -> {
                    assertThat(e.code()).isEqualTo("participant-unreachable");
                    assertThat(e.reason()).startsWith("catalogs: could not call POST http://127.0.0.1:" + free
                            + "/api/schema/shop/plan: ").contains("ConnectException");
                });
    }

    @Test
    void aFailureIsNamedWithTheFirstMessageOfItsCauses() {
        assertThat(HttpCatalogsSchema.why(new java.net.ConnectException())).isEqualTo("cannot connect (ConnectException)");
        assertThat(HttpCatalogsSchema.why(new IOException(new java.net.ConnectException("Connection refused"))))
                .isEqualTo("IOException: java.net.ConnectException: Connection refused");
    }

    @Test
    void theCatalogsParticipantAppearsInThePlanWithItsSteps() {
        JsonObject plan = Publications.plan(1, List.of());
        JsonObject withPlan = Publications.withParticipant(plan, "catalogs", "plan", Json.createObjectBuilder()
                .add("toVersion", 2).build());

        assertThat(plan.getJsonArray("participants").toString()).isEqualTo("[{\"service\":\"view-service\","
                + "\"steps\":[\"validate\",\"diff\",\"freeze\",\"activate\"]},{\"service\":\"catalogs\","
                + "\"steps\":[\"catalogs.plan\",\"catalogs.apply\"]}]");
        assertThat(withPlan.getJsonArray("participants").getJsonObject(1).getJsonObject("plan").getInt("toVersion"))
                .isEqualTo(2);
        assertThat(withPlan.getJsonArray("participants").getJsonObject(0)).isEqualTo(plan.getJsonArray("participants")
                .getJsonObject(0));
        assertThat(withPlan.getInt("baseVersion")).isEqualTo(1);
    }
}
