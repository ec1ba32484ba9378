package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The maintenance log store: every service ships its records over the broker to view-service,
 * which serves them at {@code /api/logs}; levels set at {@code /api/log-levels} reach the running
 * services at once. A request refused for a malformed token is the probe: the kernel logs it at
 * debug level ({@code io.plinth.kernel.security.AccessFilter}) with the trace id of the caller's
 * {@code traceparent}, so a fresh trace id finds exactly that request's record. The last test
 * runs the all-in-one server, where every service shares one JVM and one set of loggers.
 */
@Order(8)
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceLogsTest {

    private static final String VIEW_SERVICE = Service.VIEW_SERVICE.splitUrl();
    private static final String LOGS = VIEW_SERVICE + "/api/logs";
    private static final String LEVELS = VIEW_SERVICE + "/api/log-levels/";
    private static final String CATALOGS_PROBE = Service.CATALOGS.splitUrl() + "/api/catalogs/probe";
    private static final String PROBE_LOGGER = "io.plinth.kernel.security.AccessFilter";
    private static TestInfrastructure infra;
    private static String viewServiceRoot = VIEW_SERVICE;

    @BeforeAll
    static void startSplitMode() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
    }

    @AfterEach
    void resetLevels() {
        Http.admin().put(viewServiceRoot + "/api/log-levels/catalogs", "{}");
    }

    @Test
    @Order(1)
    void everyServiceShipsItsStartWithItsInstance() {
        for (Service service : Service.values()) {
            if (!service.hasInfrastructure()) {
                continue;
            }
            JsonObject page = await().atMost(Duration.ofSeconds(60)).until(() -> logs(LOGS,
                    "service=" + service.serviceName + "&logger=io.plinth.kernel.db.SchemaMigrations"),
                    found -> found.getInt("total") >= 1);
            JsonObject record = page.getJsonArray("items").getJsonObject(0);
            assertThat(record.getString("service")).isEqualTo(service.serviceName);
            assertThat(record.getString("level")).isEqualTo("info");
            assertThat(record.getString("message")).contains("up to date");
            assertThat(record.getString("instance")).isNotBlank();
            assertThat(record.getString("thread")).isNotBlank();
        }
    }

    @Test
    @Order(2)
    void aLevelChangeReachesTheRunningServiceAndItsDebugRecordsCarryTheirTraceId() {
        String quiet = traceId();
        assertThat(probe(CATALOGS_PROBE, quiet)).isEqualTo(401);

        HttpResponse<String> changed = Http.admin().put(LEVELS + "catalogs", "{\"level\":\"debug\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Http.json(changed).getString("level")).isEqualTo("debug");
        awaitApplied(LOGS, Http.json(changed).getJsonNumber("version").longValue());

        String traced = traceId();
        assertThat(probe(CATALOGS_PROBE, traced)).isEqualTo(401);
        JsonObject record = await().atMost(Duration.ofSeconds(30))
                .until(() -> logs(LOGS, "traceId=" + traced), found -> found.getInt("total") > 0)
                .getJsonArray("items").getJsonObject(0);
        assertThat(record.getString("service")).isEqualTo("catalogs");
        assertThat(record.getString("level")).isEqualTo("debug");
        assertThat(record.getString("logger")).isEqualTo(PROBE_LOGGER);
        assertThat(record.getString("message")).startsWith("Refused token");
        assertThat(record.getString("requestId")).isNotBlank();
        // Shipped only once the level said so: the probe made at the default level left nothing.
        assertThat(logs(LOGS, "traceId=" + quiet).getInt("total")).isZero();
    }

    @Test
    @Order(3)
    void aLoggerLevelCoversThatLoggerOnlyAndResettingStopsTheDebugRecords() {
        HttpResponse<String> probeLogger = Http.admin().put(LEVELS + "catalogs",
                "{\"loggers\":{\"" + PROBE_LOGGER + "\":\"debug\"}}");
        assertThat(probeLogger.statusCode()).isEqualTo(200);
        awaitApplied(LOGS, Http.json(probeLogger).getJsonNumber("version").longValue());
        String traced = traceId();
        assertThat(probe(CATALOGS_PROBE, traced)).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> logs(LOGS, "traceId=" + traced).getInt("total") == 1);

        HttpResponse<String> otherLogger = Http.admin().put(LEVELS + "catalogs",
                "{\"loggers\":{\"io.plinth.catalogs\":\"debug\"}}");
        assertThat(otherLogger.statusCode()).isEqualTo(200);
        JsonObject levels = Http.json(Http.admin().get(LEVELS + "catalogs"));
        assertThat(levels.getJsonObject("loggers").keySet()).containsExactly("io.plinth.catalogs");
        assertThat(levels.isNull("level")).isTrue();
        awaitApplied(LOGS, levels.getJsonNumber("version").longValue());
        String other = traceId();
        assertThat(probe(CATALOGS_PROBE, other)).isEqualTo(401);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> logs(LOGS, "traceId=" + other).getInt("total") == 0);
    }

    @Test
    @Order(4)
    void filtersNarrowTheRecordsNewestFirst() {
        assertThat(Http.admin().put(LEVELS + "catalogs", "{\"level\":\"warning\"}").statusCode()).isEqualTo(200);
        JsonObject audit = await().atMost(Duration.ofSeconds(30)).until(() -> logs(LOGS,
                "text=" + encode("LOG LEVELS OF CATALOGS SET BY") + "&logger=io.plinth.viewservice"),
                // Earlier tests left such records too: wait for the one of this change to be the newest.
                p -> p.getInt("total") >= 1 && p.getJsonArray("items").getJsonObject(0).getString("message")
                        .contains("\"level\":\"warning\""))
                .getJsonArray("items").getJsonObject(0);
        assertThat(audit.getString("service")).isEqualTo("view-service");
        assertThat(audit.getString("user")).isEqualTo(infra.adminLogin);
        assertThat(audit.getString("message")).contains("\"level\":\"warning\"");

        assertThat(items("user=" + encode(infra.adminLogin))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getString("user")).isEqualTo(infra.adminLogin));
        assertThat(items("service=identity")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getString("service")).isEqualTo("identity"));
        assertThat(items("level=warning")).allSatisfy(r -> assertThat(r.getString("level")).isIn("warning", "error"));
        assertThat(items("logger=io.plinth.kernel")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getString("logger")).startsWith("io.plinth.kernel."));
        assertThat(items("from=" + encode(OffsetDateTime.now().plusHours(1).toString()))).isEmpty();

        List<JsonObject> newest = items("limit=20");
        for (int i = 1; i < newest.size(); i++) {
            assertThat(OffsetDateTime.parse(newest.get(i - 1).getString("time")))
                    .isAfterOrEqualTo(OffsetDateTime.parse(newest.get(i).getString("time")));
        }
        String to = encode(newest.get(0).getString("time"));
        JsonObject first = logs(LOGS, "limit=2&offset=0&to=" + to);
        JsonObject second = logs(LOGS, "limit=2&offset=2&to=" + to);
        assertThat(second.getInt("total")).isEqualTo(first.getInt("total"));
        assertThat(second.getJsonArray("items").getJsonObject(0).getJsonNumber("id"))
                .isNotEqualTo(first.getJsonArray("items").getJsonObject(0).getJsonNumber("id"));
    }

    @Test
    @Order(5)
    void badLevelsAndFiltersAreClearProblems() {
        long version = Http.json(Http.admin().get(LEVELS + "catalogs")).getJsonNumber("version").longValue();
        HttpResponse<String> badLevel = Http.admin().put(LEVELS + "catalogs", "{\"level\":\"verbose\"}");
        assertThat(badLevel.statusCode()).isEqualTo(400);
        assertThat(fields(badLevel)).containsExactly("level");

        HttpResponse<String> badLoggers = Http.admin().put(LEVELS + "catalogs",
                "{\"loggers\":{\"not a logger\":\"debug\",\"io.plinth.x\":\"loud\"},\"levle\":\"debug\"}");
        assertThat(badLoggers.statusCode()).isEqualTo(400);
        assertThat(fields(badLoggers)).containsExactlyInAnyOrder("levle", "loggers['not a logger']", "loggers['io.plinth.x']");

        assertThat(Http.admin().put(LEVELS + "catalogs", "[\"debug\"]").statusCode()).isEqualTo(400);
        assertThat(Http.admin().put(LEVELS + "no-such-service", "{\"level\":\"debug\"}").statusCode()).isEqualTo(404);
        assertThat(Http.json(Http.admin().get(LEVELS + "catalogs")).getJsonNumber("version").longValue())
                .as("refused changes store nothing").isEqualTo(version);

        HttpResponse<String> badFilters = Http.admin().get(LOGS + "?level=loud&traceId=xyz&from=yesterday&limit=501");
        assertThat(badFilters.statusCode()).isEqualTo(400);
        assertThat(fields(badFilters)).containsExactlyInAnyOrder("level", "traceId", "from");
        assertThat(Http.admin().get(LOGS + "?limit=501").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(6)
    void readingLogsAndChangingLevelsNeedTheirPermissions() {
        assertThat(Http.anonymous().get(LOGS).statusCode()).isEqualTo(401);
        assertThat(Http.anonymous().get(LEVELS + "catalogs").statusCode()).isEqualTo(401);
        assertThat(Http.anonymous().put(LEVELS + "catalogs", "{\"level\":\"debug\"}").statusCode()).isEqualTo(401);

        String login = "log-reader-" + UUID.randomUUID().toString().substring(0, 8);
        String identity = Service.IDENTITY.splitUrl();
        assertThat(Http.admin().post(identity + "/api/users", Json.createObjectBuilder().add("login", login)
                .add("displayName", "Log reader").add("email", login + "@example.com").build().toString()).statusCode())
                .isEqualTo(201);
        String password = "correct horse battery staple";
        assertThat(Http.admin().put(identity + "/api/users/" + login + "/password",
                Json.createObjectBuilder().add("password", password).build().toString()).statusCode()).isEqualTo(204);
        Http nobody = Http.as(Platform.login(login, password));

        HttpResponse<String> read = nobody.get(LOGS);
        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(Http.json(read).getString("detail")).contains("view-service:logs:read");
        HttpResponse<String> change = nobody.put(LEVELS + "catalogs", "{\"level\":\"debug\"}");
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(Http.json(change).getString("detail")).contains("view-service:logs:admin");
        assertThat(nobody.get(LEVELS + "catalogs").statusCode()).isEqualTo(403);
    }

    /**
     * All-in-one: eleven applications, one JVM, one {@code io.plinth.kernel.security.AccessFilter}
     * logger. Debug for catalogs makes that shared logger log at debug for everyone, yet each
     * record is stored once, under the service whose request logged it, and view-service (still
     * at info) ships none of its own debug records.
     */
    @Test
    @Order(100)
    void inTheAllInOneServerEachRecordIsShippedOnceByItsOwnService() throws Exception {
        Platform.ensure(Platform.Mode.ALL_IN_ONE);
        viewServiceRoot = Service.VIEW_SERVICE.allInOneUrl();
        String logs = viewServiceRoot + "/api/logs";
        HttpResponse<String> changed = await().atMost(Duration.ofSeconds(60)).until(() -> Http.admin()
                .put(viewServiceRoot + "/api/log-levels/catalogs", "{\"level\":\"debug\"}"), r -> r.statusCode() == 200);
        awaitApplied(logs, Http.json(changed).getJsonNumber("version").longValue());

        String catalogsTrace = traceId();
        assertThat(probe(Service.CATALOGS.allInOneUrl() + "/api/catalogs/probe", catalogsTrace)).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> logs(logs, "traceId=" + catalogsTrace).getInt("total") >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> logs(logs, "traceId=" + catalogsTrace).getInt("total") == 1);
        assertThat(logs(logs, "traceId=" + catalogsTrace).getJsonArray("items").getJsonObject(0).getString("service"))
                .isEqualTo("catalogs");

        String viewServiceTrace = traceId();
        assertThat(probe(logs, viewServiceTrace)).isEqualTo(401);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> logs(logs, "traceId=" + viewServiceTrace).getInt("total") == 0);
    }

    /**
     * Waits until catalogs says it applied levels {@code version}: each instance logs the levels it
     * applies, and that record is shipped like any other.
     */
    private static void awaitApplied(String logs, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> logs(logs, "service=catalogs&logger=io.plinth.kernel.logs.LiveLogLevels"
                + "&text=" + encode("\"version\":" + version + "}")).getInt("total") >= 1);
    }

    /** A request to {@code url} refused for its malformed token, with a traceparent of trace {@code traceId}. */
    private static int probe(String url, String traceId) {
        return Http.anonymous().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer not-a-token")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .GET()).statusCode();
    }

    private static JsonObject logs(String url, String query) {
        HttpResponse<String> response = Http.admin().get(url + "?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static List<JsonObject> items(String query) {
        return logs(LOGS, query).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static List<String> fields(HttpResponse<String> problem) {
        return Http.json(problem).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
    }

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
