package io.plinth.studio.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HealthAnswersTest {

    private static final PlatformService CATALOGS = new PlatformService("catalogs", URI.create("http://localhost:8101"));

    @Test
    void healthyServiceIsUpWithEveryCheckAndItsData() {
        ServiceHealth health = read(200, """
                {"status":"UP","service":"catalogs","checks":[
                 {"name":"postgresql","status":"UP","data":{"database":"plinth_dev","latencyMs":3}},
                 {"name":"redis","status":"UP","data":{"latencyMs":1}}]}""");

        assertThat(health.status()).isEqualTo(ServiceStatus.UP);
        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.problem()).isNull();
        assertThat(health.checks()).extracting(CheckResult::name).containsExactly("postgresql", "redis");
        assertThat(health.checks().get(0).dataText()).isEqualTo("database=plinth_dev, latencyMs=3");
        assertThat(health.latencyMs()).isEqualTo(12);
        assertThat(health.healthUrl()).hasToString("http://localhost:8101/hc");
    }

    @Test
    void serviceWithDownCheckIsDownAndTheCheckSaysWhy() {
        ServiceHealth health = read(503, """
                {"status":"DOWN","checks":[{"name":"rabbitmq","status":"DOWN","data":{"error":"refused"}}]}""");

        assertThat(health.status()).isEqualTo(ServiceStatus.DOWN);
        assertThat(health.httpStatus()).isEqualTo(503);
        assertThat(health.problem()).isNull();
        assertThat(health.checks().get(0).data()).containsEntry("error", "refused");
    }

    @Test
    void answerThatIsNotHealthJsonIsDownWithTheHttpStatus() {
        ServiceHealth health = read(404, "<html>Not found</html>");

        assertThat(health.status()).isEqualTo(ServiceStatus.DOWN);
        assertThat(health.problem()).isEqualTo("HTTP 404: the answer is not health JSON");
        assertThat(health.checks()).isEmpty();
    }

    @Test
    void upStatusWithAnErrorCodeIsNotTrusted() {
        ServiceHealth health = read(500, "{\"status\":\"UP\"}");

        assertThat(health.status()).isEqualTo(ServiceStatus.DOWN);
        assertThat(health.problem()).isEqualTo("HTTP 500, status UP");
    }

    @Test
    void checksOfUnexpectedShapeAreSkippedNotFatal() {
        ServiceHealth health = read(200, "{\"status\":\"UP\",\"checks\":[42,{\"status\":\"UP\",\"data\":[1]}]}");

        assertThat(health.status()).isEqualTo(ServiceStatus.UP);
        assertThat(health.checks()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("?");
            assertThat(c.data()).isEmpty();
        });
    }

    @Test
    void rootWithPathKeepsItInTheHealthUrl() {
        PlatformService inEar = new PlatformService("catalogs", URI.create("http://localhost:8080/catalogs/"));

        assertThat(inEar.healthUrl()).hasToString("http://localhost:8080/catalogs/hc");
    }

    private static ServiceHealth read(int status, String body) {
        return HealthAnswers.read(CATALOGS, status, body.getBytes(StandardCharsets.UTF_8), 12);
    }
}
