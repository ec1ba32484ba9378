package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Publications;
import io.plinth.systemtests.support.Service;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-install run: with no PLINTH_* settings, {@code ./plinth start --embedded} brings up
 * embedded PostgreSQL, Redis and AMQP broker (on free ports, data in its own folder) and the
 * all-in-one platform on them, and what was written survives a restart. Its empty database is
 * also where an app exported from the test installation is imported.
 */
@Order(20)
@ExtendWith(PlatformExtension.class)
class EmbeddedRunTest {

    private static final String CARRIED = "carried-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path data;

    @Test
    void platformRunsOnEmbeddedServersAndKeepsItsDataAcrossARestart() throws Exception {
        JsonObject exported = exportAnAppWithTwoVersions();
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
            importReproducesTheApp(admin, exported);

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

    /** In the test installation: an app with versions 1 and 2 published and a draft beyond them. */
    private static JsonObject exportAnAppWithTwoVersions() throws Exception {
        Platform.ensure(Platform.Mode.ALL_IN_ONE);
        String apps = Service.VIEW_SERVICE.allInOneUrl() + "/api/apps";
        assertThat(Http.admin().post(apps, "{\"key\":\"" + CARRIED + "\",\"name\":\"Carried\"}").statusCode())
                .isEqualTo(201);
        for (String fields : List.of("", ", {\"key\": \"email\", \"type\": \"text\"}",
                ", {\"key\": \"email\", \"type\": \"text\"}, {\"key\": \"vip\", \"type\": \"boolean\"}")) {
            String draft = "{\"key\": \"" + CARRIED + "\", \"name\": \"Carried\", \"types\": [{\"key\": \"contact\","
                    + " \"fields\": [{\"key\": \"name\", \"type\": \"text\", \"required\": true}" + fields + "]}]}";
            assertThat(Http.admin().put(apps + "/" + CARRIED + "/draft", draft).statusCode()).isEqualTo(200);
            if (!fields.contains("vip")) {
                assertThat(published(Http.admin(), apps, CARRIED, Http.admin().post(apps + "/" + CARRIED + "/publish", "")))
                        .isEqualTo("active");
            }
        }
        HttpResponse<String> export = Http.admin().get(apps + "/" + CARRIED + "/export");
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        return Http.json(export);
    }

    /** Imported into the embedded platform's empty database, the file gives the same app, tables included. */
    private static void importReproducesTheApp(Http admin, JsonObject exported) {
        String apps = Service.VIEW_SERVICE.allInOneUrl() + "/api/apps";
        HttpResponse<String> imported = admin.post(apps + "/import", exported.toString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(Http.json(imported).getJsonObject("publication")).as(imported.body()).isNotNull();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                Http.json(admin.get(apps + "/" + CARRIED)).get("activeVersion") instanceof JsonNumber);

        JsonObject again = Http.json(admin.get(apps + "/" + CARRIED + "/export"));
        assertThat(again.getInt("activeVersion")).isEqualTo(2);
        assertThat(again.getJsonObject("draft")).isEqualTo(exported.getJsonObject("draft"));
        assertThat(modelsByNumber(again)).isEqualTo(modelsByNumber(exported)).hasSize(2);
        JsonObject schema = Http.json(admin.get(Service.CATALOGS.allInOneUrl() + "/api/schema/" + CARRIED));
        assertThat(schema.getInt("version")).as(schema.toString()).isEqualTo(2);
        assertThat(schema.toString()).contains("\"email\"").doesNotContain("\"vip\"");
    }

    private static Map<Integer, JsonObject> modelsByNumber(JsonObject file) {
        return file.getJsonArray("versions").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getInt("version"), v -> v.getJsonObject("model")));
    }

    private static String published(Http caller, String apps, String key, HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return Publications.awaitEnd(caller, apps + "/" + key, Http.json(accepted).getString("id"), Duration.ofSeconds(60))
                .getString("status");
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
