package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.web.Browser;
import io.plinth.systemtests.web.StudioOperations;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * web-studio's operations pages in a real browser, against the platform in split mode: an app
 * (made through view-service's API) checked and published from the browser, a change with data
 * loss confirmed, the versions' diff, a rollback, a draft the publication refuses with its
 * findings; the log viewer's filters and a log level changed; a user created and given a role.
 * Screenshots: {@code target/screenshots/3*.png} and {@code 4*.png}.
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioOperationsTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String APP = "ops-" + SUFFIX;
    private static final String APPS = Service.VIEW_SERVICE.splitUrl() + "/api/apps";

    private static Browser browser;
    private static StudioOperations studio;

    @BeforeAll
    static void start() throws Exception {
        var infra = Platform.ensure(Platform.Mode.SPLIT);
        browser = Browser.start(Path.of("target", "screenshots"));
        studio = new StudioOperations(browser, Service.WEB_STUDIO.splitUrl(), infra.adminLogin, infra.adminPassword);
        HttpResponse<String> created = Http.admin().post(APPS, "{\"key\":\"" + APP + "\",\"name\":\"Operations " + SUFFIX
                + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theDryRunShowsThePlanAndPublishingRunsToTheActiveVersion() throws Exception {
        saveDraft(field("title", "text") + "," + field("note", "text"));
        studio.openPublishing(APP);
        assertThat(browser.find(By.id("publish:submit")).isEnabled()).as("publish only after a check").isFalse();

        String plan = studio.checkDraft();
        assertThat(plan).contains("Changes", "types", "added", "Database migration", "create-type", "CREATE TABLE")
                .doesNotContain("Exception");
        assertThat(browser.find(By.id("messages")).getText()).contains("The draft can be published.");
        browser.screenshot("30-studio-publish-plan");

        assertThat(studio.publishChecked()).isEqualTo("active");
        assertThat(browser.find(By.id("progress:publication")).getText()).contains("validate", "catalogs.apply", "activate");
        assertThat(browser.waitForText(By.id("messages"), "Published: version 1 is active.")).isNotEmpty();
        assertThat(studio.activeVersion()).isEqualTo(1);
        browser.screenshot("31-studio-published");
    }

    @Test
    @Order(2)
    void aChangeThatMayLoseDataNeedsTheConfirmation() throws Exception {
        saveDraft(field("title", "text"));
        studio.openPublishing(APP);
        String plan = studio.checkDraft();
        assertThat(plan).contains("types[item].fields[note]", "removed", "may lose data", "DROP");
        assertThat(browser.find(By.id("publish:dataLoss")).getText()).contains("may destroy stored data");
        browser.screenshot("32-studio-publish-data-loss");

        browser.click(By.id("publish:submit"));
        assertThat(browser.waitForText(By.id("publish"), "Tick the box")).contains("stored data may be lost");
        assertThat(studio.activeVersion()).isEqualTo(1);

        studio.confirmDataLoss();
        assertThat(studio.publishChecked()).isEqualTo("active");
        assertThat(studio.activeVersion()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void theVersionsShowTheirDifferences() throws Exception {
        assertThat(studio.versions()).hasSize(2);
        assertThat(studio.versions().get(0)).startsWith("2").contains("active");
        String diff = studio.changesOf(2);
        assertThat(diff).contains("1 removed", "types[item].fields[note]", "removed");

        browser.select(By.id("versions:diffFrom"), "1");
        browser.select(By.id("versions:diffTo"), "draft");
        browser.click(By.id("versions:compare"));
        assertThat(browser.waitForText(By.id("versions:diff"), "From 1 to draft")).contains("fields[note]");
        browser.screenshot("33-studio-versions-diff");
    }

    @Test
    @Order(4)
    void aRollbackPublishesTheEarlierContentAsANewVersion() throws Exception {
        assertThat(studio.rollbackTo(1)).isEqualTo("active");
        assertThat(browser.find(By.id("progress:publication")).getText()).contains("Rolling back");
        assertThat(studio.activeVersion()).isEqualTo(3);
        assertThat(studio.versions().get(0)).startsWith("3").contains("rollback", "of version 1", "active");
        JsonObject three = Http.json(Http.admin().get(APPS + "/" + APP + "/versions/3"));
        assertThat(three.getJsonObject("model").getJsonArray("types").getJsonObject(0).getJsonArray("fields"))
                .hasSize(2);
        browser.screenshot("34-studio-rolled-back");
    }

    /**
     * A draft renaming {@code note} is valid while the active version has that field; once a
     * rollback removed it, the check refuses the draft and names the problem's place.
     */
    @Test
    @Order(5)
    void aDraftThePublicationRefusesShowsItsFindings() throws Exception {
        saveDraft(field("title", "text") + ",{\"key\":\"memo\",\"previousKey\":\"note\",\"type\":\"text\"}");
        HttpResponse<String> rollback = Http.admin().post(APPS + "/" + APP + "/rollback", "{\"version\":2}");
        assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(202);
        String publication = APPS + "/" + APP + "/publications/" + Http.json(rollback).getString("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.json(Http.admin().get(publication)).getString("status"),
                status -> status.equals("active"));

        studio.openPublishing(APP);
        String result = studio.checkDraft();
        assertThat(result).contains("Problems in the model", "previousKey").doesNotContain("Exception");
        assertThat(browser.find(By.id("messages")).getText()).contains("The draft cannot be published");
        assertThat(browser.find(By.id("publish:submit")).isEnabled()).isFalse();
        browser.screenshot("35-studio-publish-refused");
    }

    @Test
    @Order(10)
    void aLogLevelChangeIsShownAndTheViewerFindsTheRecordByTraceIdAndText() throws Exception {
        assertThat(studio.setLogLevel("catalogs", "debug")).isEqualTo("debug");
        browser.screenshot("40-studio-log-levels");
        try {
            String traceId = UUID.randomUUID().toString().replace("-", "");
            // catalogs logs a refused token at debug level with the caller's trace id, once the level reached it.
            List<String> found = await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                probeCatalogs(traceId);
                return studio.searchLogs(null, null, null, traceId);
            }, rows -> rows.stream().anyMatch(r -> r.contains("Refused token")));
            assertThat(found).allSatisfy(row -> assertThat(row).contains("catalogs", "debug"));
            browser.screenshot("41-studio-logs-trace");

            List<String> byText = studio.searchLogs("catalogs", "debug", "Refused token", null);
            assertThat(byText).isNotEmpty().allSatisfy(row -> assertThat(row).contains("catalogs", "Refused token"));

            assertThat(studio.searchLogs("view-service", "info", null, null)).isNotEmpty();
            assertThat(studio.logColumn(2)).isNotEmpty().containsOnly("view-service");
            assertThat(studio.logColumn(3)).isNotEmpty().isSubsetOf("info", "warning", "error");
            assertThat(studio.searchLogs("catalogs", "error", "Refused token", null)).containsExactly("No log records match.");
            browser.screenshot("42-studio-logs-filtered");
        } finally {
            assertThat(studio.setLogLevel("catalogs", "server default")).isEqualTo("server default");
        }
    }

    @Test
    @Order(20)
    void anAdministratorCreatesAUserAndGivesThemARole() throws Exception {
        String login = "ops-user-" + SUFFIX;
        studio.createUser(login, "Ops User " + SUFFIX, login + "@example.org", "a long enough password " + SUFFIX);
        assertThat(studio.giveRole("app-builder")).contains("app-builder");
        browser.screenshot("43-studio-users");
        JsonObject access = Http.json(Http.admin().get(Service.IDENTITY.splitUrl() + "/api/users/" + login + "/access"));
        assertThat(access.getJsonArray("roles").toString()).contains("app-builder");

        studio.submitNewUser(login, "Again", login + "@example.org", "");
        // The second time the login is taken: said next to the field.
        assertThat(browser.waitForText(By.id("create:loginMessage"), login)).doesNotContain("409", "Exception");

        studio.open("/admin/roles.xhtml");
        assertThat(browser.waitForText(By.id("list:table"), "platform-admin")).contains("app-builder", "built in");
        browser.screenshot("44-studio-roles");
        studio.open("/admin/tokens.xhtml");
        browser.type(By.id("create:name"), "ci " + SUFFIX);
        browser.click(By.id("create:submit"));
        String secret = browser.find(By.id("list:secretValue")).getAttribute("value");
        assertThat(secret).startsWith("plt_");
        assertThat(browser.waitForText(By.id("list:table"), "ci " + SUFFIX)).isNotBlank();
        browser.screenshot("45-studio-tokens");
        browser.click(By.id("list:dismiss"));
        browser.waitUntilGone(By.id("list:secretValue"));
        assertThat(browser.source()).as("the secret is shown once").doesNotContain(secret);
    }

    private static void saveDraft(String fields) {
        String model = "{\"key\":\"" + APP + "\",\"name\":\"Operations " + SUFFIX + "\",\"types\":[{\"key\":\"item\","
                + "\"name\":\"Item\",\"fields\":[" + fields + "]}]}";
        HttpResponse<String> saved = Http.admin().put(APPS + "/" + APP + "/draft", model);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private static String field(String key, String type) {
        return "{\"key\":\"" + key + "\",\"type\":\"" + type + "\"}";
    }

    /** A request catalogs refuses for its malformed token, traced with {@code traceId}. */
    private static void probeCatalogs(String traceId) {
        Http.anonymous().send(HttpRequest.newBuilder(URI.create(Service.CATALOGS.splitUrl() + "/api/catalogs/probe"))
                .header("Authorization", "Bearer not-a-token")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .GET());
    }
}
