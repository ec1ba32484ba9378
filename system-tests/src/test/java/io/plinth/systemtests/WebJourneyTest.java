package io.plinth.systemtests;

import static org.awaitility.Awaitility.await;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import io.plinth.systemtests.web.Browser;
import io.plinth.systemtests.web.WebJourney;
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
 * signing out, an expired session, the app in web-workplace, and both pages with view-service's
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

    /** PostgreSQL cut off (through the run's proxy): view-service cannot list apps, and both pages say so. */
    @Test
    @Order(10)
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
