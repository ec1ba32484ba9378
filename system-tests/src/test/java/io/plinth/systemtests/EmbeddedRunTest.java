package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-install run: with no PLINTH_* settings, {@code ./plinth start --embedded} brings up
 * embedded PostgreSQL, Redis and AMQP broker (on free ports, data in its own folder) and the
 * all-in-one platform on them, and what was written survives a restart.
 */
@Order(20)
@ExtendWith(PlatformExtension.class)
class EmbeddedRunTest {

    @TempDir
    Path data;

    @Test
    void platformRunsOnEmbeddedServersAndKeepsItsDataAcrossARestart() throws Exception {
        Platform.stop();
        Map<String, String> environment = Map.of("PLINTH_DATA_DIR", data.toString());
        try {
            String output = Platform.run(environment, "start", "--embedded");
            assertThat(output).contains("embedded");
            for (Service service : Service.values()) {
                assertThat(Http.status(service.allInOneUrl() + "/hc")).as(service.serviceName).isEqualTo(200);
            }
            assertThat(Http.anonymous().get(Service.VIEW_SERVICE.allInOneUrl() + "/hc").body())
                    .doesNotContain("localhost:5672").contains("127.0.0.1");
            assertThat(Files.isDirectory(data.resolve("postgres"))).isTrue();

            // No administrator was configured: the launcher made a password, printed once and kept in the data folder.
            Path passwordFile = data.resolve("admin-password");
            assertThat(output).contains("admin").contains(passwordFile.toString());
            Http admin = Http.as(signIn(Files.readString(passwordFile).strip()));
            assertThat(admin.post(Service.VIEW_SERVICE.allInOneUrl() + "/api/apps",
                    "{\"key\":\"zero-install\",\"name\":\"Embedded\"}").statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.statusOf(Service.CATALOGS.allInOneUrl() + "/api/catalogs/zero-install") == 200);

            Platform.run(environment, "stop");
            assertThat(embeddedInfrastructureRuns()).isFalse();
            assertThat(Platform.run(environment, "start", "--embedded")).doesNotContain(Files.readString(passwordFile).strip());

            Http again = Http.as(signIn(Files.readString(passwordFile).strip()));
            assertThat(again.statusOf(Service.VIEW_SERVICE.allInOneUrl() + "/api/apps/zero-install")).isEqualTo(200);
            assertThat(again.statusOf(Service.CATALOGS.allInOneUrl() + "/api/catalogs/zero-install")).isEqualTo(200);
        } finally {
            Platform.run(environment, "stop");
        }
        assertThat(embeddedInfrastructureRuns()).isFalse();
    }

    private static String signIn(String password) {
        var response = Http.anonymous().post(Service.IDENTITY.allInOneUrl() + "/api/auth/login",
                "{\"login\":\"admin\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).getString("access_token");
    }

    static boolean embeddedInfrastructureRuns() {
        return ProcessHandle.allProcesses().anyMatch(process -> process.info().commandLine()
                .map(line -> line.contains("embedded-infra.jar")).orElse(false));
    }
}
