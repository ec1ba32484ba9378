package io.plinth.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void sendsTheTokenAndTheBodyAndReadsAProblem() throws Exception {
        try (FakeService service = new FakeService(request -> new FakeService.Answer(400, "application/problem+json",
                "{\"status\":400,\"code\":\"validation-failed\",\"detail\":\"1 field\",\"errors\":["
                        + "{\"field\":\"key\",\"message\":\"must be 2 to 63 characters\"},{\"nonsense\":1}]}"))) {
            ApiAnswer answer = service.api(TIMEOUT).send("POST", "/api/apps", "tok",
                    Json.createObjectBuilder().add("key", "X").build(), Map.of());

            assertThat(answer.ok()).isFalse();
            assertThat(answer.code()).isEqualTo("validation-failed");
            assertThat(answer.detail()).isEqualTo("1 field");
            assertThat(answer.errors()).containsExactly(new ApiAnswer.FieldProblem("key", "must be 2 to 63 characters"));
            assertThat(service.received.get(0).authorization()).isEqualTo("Bearer tok");
            assertThat(service.received.get(0).body()).isEqualTo("{\"key\":\"X\"}");
        }
    }

    @Test
    void anErrorPageThatIsNotJsonIsStillAnAnswerButASuccessThatIsNotJsonIsNot() throws Exception {
        try (FakeService service = new FakeService(request -> new FakeService.Answer(502, "text/html", "<h1>Bad</h1>"))) {
            ApiAnswer answer = service.api(TIMEOUT).get("/api/apps", null);
            assertThat(answer.status()).isEqualTo(502);
            assertThat(answer.detail()).isEqualTo("HTTP 502");
            assertThat(service.received.get(0).authorization()).isNull();

            service.answer(request -> new FakeService.Answer(200, "text/html", "<h1>Hello</h1>"));
            assertThatThrownBy(() -> service.api(TIMEOUT).get("/api/apps", null))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("not a JSON object");
        }
    }

    @Test
    void aServiceThatIsDownIsUnavailable() throws Exception {
        assertThatThrownBy(() -> FakeService.unreachable(TIMEOUT).get("/api/apps", "tok"))
                .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("GET down /api/apps failed");
    }
}
