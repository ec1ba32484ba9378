package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With PostgreSQL unreachable every service says so in /hc, stays alive, and recovers by itself. */
@Order(3)
@ExtendWith(PlatformExtension.class)
class DependencyOutageTest {

    @Test
    void databaseOutageShowsInHcNotInLivenessAndHeals() throws Exception {
        TestInfrastructure infra = Platform.ensure(Platform.Mode.SPLIT);
        List<Service> withDatabase = Arrays.stream(Service.values()).filter(Service::hasInfrastructure).toList();

        infra.postgres.stop();
        try {
            for (Service service : withDatabase) {
                await().atMost(Duration.ofSeconds(30)).until(() -> Http.status(service.splitUrl() + "/hc") == 503);
                assertThat(Http.anonymous().get(service.splitUrl() + "/hc").body())
                        .as(service.serviceName).contains("\"name\":\"postgresql\",\"status\":\"DOWN\"");
                assertThat(Http.status(service.splitUrl() + "/liveness")).as(service.serviceName).isEqualTo(200);
            }
            assertThat(Http.status(Service.WEB_STUDIO.splitUrl() + "/hc")).isEqualTo(200);
        } finally {
            infra.postgres.start();
        }

        for (Service service : withDatabase) {
            await().atMost(Duration.ofSeconds(90)).until(() -> Http.status(service.splitUrl() + "/hc") == 200);
        }
        assertThat(Http.postJson(Service.VIEW_SERVICE.splitUrl() + "/api/apps",
                "{\"key\":\"after-outage\",\"name\":\"Works again\"}").statusCode()).isEqualTo(201);
    }
}
