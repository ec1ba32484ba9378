package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The EAR boots in one Liberty server and every service answers under its context root. */
@Order(10)
@ExtendWith(PlatformExtension.class)
class AllInOneTest {

    @BeforeAll
    static void startAllInOne() throws Exception {
        Platform.ensure(Platform.Mode.ALL_IN_ONE);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyContextRootIsHealthy(Service service) {
        HttpResponse<String> response = Http.anonymous().get(service.allInOneUrl() + "/hc");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).getString("service")).isEqualTo(service.serviceName);
        assertThat(Http.status(service.allInOneUrl() + "/liveness")).isEqualTo(200);
    }

    @Test
    void nothingEmbeddedStartsWhenExternalServersAreConfigured() {
        assertThat(EmbeddedRunTest.embeddedInfrastructureRuns()).isFalse();
        assertThat(Http.anonymous().get(Service.VIEW_SERVICE.allInOneUrl() + "/hc").body()).contains("vhost plinth-it");
    }

    @Test
    void servicesTalkOverTheBusInsideOneServer() {
        HttpResponse<String> created = Http.postJson(Service.VIEW_SERVICE.allInOneUrl() + "/api/apps",
                "{\"key\":\"all-in-one\",\"name\":\"One server\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.admin().statusOf(Service.CATALOGS.allInOneUrl() + "/api/catalogs/all-in-one") == 200);
    }
}
