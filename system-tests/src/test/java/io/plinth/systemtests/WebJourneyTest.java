package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Publications;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import io.plinth.systemtests.web.Browser;
import io.plinth.systemtests.web.WebJourney;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The administrator's first journey in a real browser (headless Chromium), through the platform in
 * split mode: signing in to web-studio (and failing to), creating and deleting apps, forged posts,
 * signing out, an expired session, the app in web-workplace, a published app's records in
 * web-workplace (list, form, field problems, a stale edit, sort, filter, delete), and both pages with view-service's
 * database gone. Screenshots of the main screens: {@code target/screenshots/*.png}.
 * Last of the split-mode tests: after its database cut, view-service has been seen to fail
 * requests for a while (its pool exhausted), which would fail the tests that follow.
 */
@Order(9)
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneyTest {

    private static final String KEY = "journey-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NAME = "Journey " + KEY.substring(8);

    private static final String DESK = KEY + "-desk";
    private static final String DESK_NAME = "Help desk " + KEY.substring(8);
    private static final String TICKETS = Service.CATALOGS.splitUrl() + "/api/data/" + DESK + "/ticket";
    private static final String PRINTER = "Printer on fire";
    /** The printer ticket's title since the stale-edit test changed it through the API. */
    private static String printerNow = PRINTER;

    private static TestInfrastructure infra;
    private static Browser browser;
    private static WebJourney journey;

    @BeforeAll
    static void start() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
        browser = Browser.start(Path.of("target", "screenshots"));
        journey = new WebJourney(browser, Service.WEB_STUDIO.splitUrl(), Service.WEB_WORKPLACE.splitUrl(),
                infra.adminLogin, infra.adminPassword);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aWrongPasswordIsExplainedOnTheSignInPage() throws Exception {
        journey.studioSignInRefusesAWrongPassword();
    }

    @Test
    @Order(2)
    void theAdministratorSignsInToTheStudio() throws Exception {
        journey.studioSignIn();
    }

    @Test
    @Order(3)
    void anAppIsCreatedAndItsKeyProblemsShowNextToTheField() throws Exception {
        journey.studioCreatesAnApp(KEY, NAME);
    }

    @Test
    @Order(4)
    void aDraftAppIsDeletedAfterAConfirmation() throws Exception {
        journey.studioDeletesADraftApp(KEY + "-draft");
    }

    @Test
    @Order(5)
    void maintenanceIsReachableFromTheMenu() throws Exception {
        journey.studioMaintenanceIsInTheMenu();
    }

    @Test
    @Order(6)
    void postsWithoutThePagesViewStateChangeNothing() throws Exception {
        journey.studioRefusesForgedPosts(KEY + "-forged");
    }

    @Test
    @Order(7)
    void signingOutEndsTheSession() throws Exception {
        journey.studioSignOut();
    }

    @Test
    @Order(8)
    void anExpiredSessionAsksToSignInAgain() throws Exception {
        journey.studioExpiredSessionAsksToSignInAgain();
    }

    @Test
    @Order(9)
    void theWorkplaceShowsTheAppToTheSameAccount() throws Exception {
        journey.workplaceShowsTheApp(KEY, NAME);
    }

    /** A published app with one type, made through view-service's API, opened in the workplace. */
    @Test
    @Order(10)
    void theWorkplaceOpensAPublishedAppAndItsEmptyList() throws Exception {
        publishTicketApp();
        journey.workplaceOpensTheTicketList(DESK, DESK_NAME);
    }

    @Test
    @Order(11)
    void aRecordIsCreatedThroughTheGeneratedForm() throws Exception {
        journey.workplaceCreatesATicket(PRINTER);
    }

    @Test
    @Order(12)
    void aValueCatalogsRefusesIsExplainedNextToItsField() throws Exception {
        journey.workplaceShowsAFieldProblem(PRINTER);
    }

    @Test
    @Order(13)
    void aStaleEditIsRefusedAndExplained() throws Exception {
        String theirs = PRINTER + " (theirs)";
        journey.workplaceExplainsAStaleEdit(PRINTER, theirs, () -> {
            String id = Http.json(Http.admin().get(TICKETS + "?filter=title:eq:" + PRINTER.replace(" ", "%20")))
                    .getJsonArray("items").getJsonObject(0).getString("id");
            HttpResponse<String> changed = Http.admin().patch(TICKETS + "/" + id, "{\"title\": \"" + theirs + "\"}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        });
        printerNow = theirs;
    }

    @Test
    @Order(14)
    void theListSortsAndFiltersThroughCatalogs() throws Exception {
        HttpResponse<String> coffee = Http.admin().post(TICKETS, "{\"title\": \"Coffee machine\", \"priority\": \"low\"}");
        assertThat(coffee.statusCode()).as(coffee.body()).isEqualTo(201);
        journey.workplaceSortsAndFiltersTheList("Coffee machine", printerNow);
    }

    @Test
    @Order(15)
    void aRecordIsDeletedAfterAConfirmation() throws Exception {
        journey.workplaceDeletesATicket(printerNow);
        assertThat(Http.json(Http.admin().get(TICKETS)).getInt("total")).isEqualTo(1);
    }

    /** The app {@link #DESK}: a ticket type, which the administrator's role may read and write. */
    private static void publishTicketApp() {
        String apps = Service.VIEW_SERVICE.splitUrl() + "/api/apps";
        HttpResponse<String> created = Http.admin().post(apps, "{\"key\":\"" + DESK + "\",\"name\":\"" + DESK_NAME + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String model = ("{'key': '%s', 'name': '%s', 'types': [{'key': 'ticket', 'name': 'Ticket', 'fields': ["
                + "{'key': 'title', 'type': 'text', 'length': 100, 'required': true},"
                + "{'key': 'priority', 'type': 'enum', 'values': ['low', 'high']},"
                + "{'key': 'due', 'type': 'date'}]}],"
                + " 'roles': [{'key': 'platform-admin'}],"
                + " 'access': [{'role': 'platform-admin', 'type': 'ticket',"
                + " 'operations': ['read', 'create', 'update', 'delete']}]}").formatted(DESK, DESK_NAME).replace('\'', '"');
        HttpResponse<String> draft = Http.admin().put(apps + "/" + DESK + "/draft", model);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        JsonObject done = Publications.publish(Http.admin(), apps + "/" + DESK, Duration.ofSeconds(60));
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("active");
    }

    /** PostgreSQL cut off (through the run's proxy): view-service cannot list apps, and both pages say so. */
    @Test
    @Order(20)
    void pagesSayWhenTheAppRegistryIsDown() throws Exception {
        journey.pagesSayWhenAServiceIsDown(new WebJourney.Outage() {
            @Override
            public void begin() {
                infra.postgres.stop();
            }

            @Override
            public void end() throws Exception {
                infra.postgres.start();
                for (Service service : Arrays.stream(Service.values()).filter(Service::hasInfrastructure).toList()) {
                    await().atMost(Duration.ofSeconds(90)).until(() -> Http.status(service.splitUrl() + "/hc") == 200);
                }
            }
        });
    }
}
