package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import io.plinth.systemtests.web.Browser;
import io.plinth.systemtests.web.StudioDesigner;
import io.plinth.systemtests.web.StudioOperations;
import io.plinth.systemtests.web.WorkplaceUser;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The whole journey, each person in a browser of their own, through the platform in split mode:
 * an administrator sets up a role, two teams and two people in web-studio's administration,
 * designs an app of customers and orders whose role sees only the orders of its own teams, with a
 * form and a list, and publishes it; the two people, one per team, then create, edit, filter,
 * sort and export orders in web-workplace, each seeing only their team's orders; a write for the
 * other team is refused; and an edit of an order someone changed meanwhile is refused and
 * explained. Screenshots {@code target/screenshots/journey-*.png}.
 */
@Order(8)
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuilderToUserJourneyTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String APP = "sales-" + RUN;
    private static final String ROLE = "seller-" + RUN;
    private static final String NORTH = "north-" + RUN;
    private static final String SOUTH = "south-" + RUN;
    private static final String ALICE = "alice-" + RUN;
    private static final String BOB = "bob-" + RUN;
    private static final String PASSWORD = "Journey-" + RUN + "-pass!";
    private static final String DATA = Service.CATALOGS.splitUrl() + "/api/data/" + APP;

    private static TestInfrastructure infra;
    private static Browser adminBrowser;
    private static Browser aliceBrowser;
    private static Browser bobBrowser;
    private static StudioDesigner designer;
    private static StudioOperations operations;
    private static WorkplaceUser alice;
    private static WorkplaceUser bob;

    @BeforeAll
    static void start() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
        Path screenshots = Path.of("target", "screenshots");
        adminBrowser = Browser.start(screenshots);
        aliceBrowser = Browser.start(screenshots);
        bobBrowser = Browser.start(screenshots);
        designer = new StudioDesigner(adminBrowser, Service.WEB_STUDIO.splitUrl());
        operations = new StudioOperations(adminBrowser, Service.WEB_STUDIO.splitUrl(), infra.adminLogin,
                infra.adminPassword);
        alice = new WorkplaceUser(aliceBrowser, Service.WEB_WORKPLACE.splitUrl());
        bob = new WorkplaceUser(bobBrowser, Service.WEB_WORKPLACE.splitUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        for (Browser browser : Arrays.asList(adminBrowser, aliceBrowser, bobBrowser)) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void theAdministratorSetsUpARoleTwoTeamsAndTwoPeople() throws Exception {
        designer.signIn(infra.adminLogin, infra.adminPassword);
        operations.open("/admin/roles.xhtml");
        adminBrowser.type(By.id("role:key"), ROLE);
        adminBrowser.type(By.id("role:name"), "Seller");
        adminBrowser.type(By.id("role:permissions"), "view-service:apps:read\ncatalogs:data:*");
        adminBrowser.click(By.id("role:save"));
        adminBrowser.waitForText(By.id("messages"), "Role " + ROLE + " created.");
        for (String team : List.of(NORTH, SOUTH)) {
            adminBrowser.type(By.id("group:key"), team);
            adminBrowser.type(By.id("group:name"), "Team " + team);
            adminBrowser.click(By.id("group:create"));
            adminBrowser.waitForText(By.id("messages"), "Group " + team + " created.");
        }
        adminBrowser.screenshot("journey-01-roles-and-teams");

        for (Map.Entry<String, String> person : Map.of(ALICE, NORTH, BOB, SOUTH).entrySet()) {
            operations.createUser(person.getKey(), "Person " + person.getKey(), person.getKey() + "@example.com",
                    PASSWORD);
            assertThat(operations.giveRole(ROLE)).contains(ROLE);
            adminBrowser.select(By.id("access:group"), person.getValue());
            adminBrowser.click(By.id("access:addGroup"));
            adminBrowser.waitForText(By.id("messages"), person.getKey() + " is now a member of " + person.getValue());
        }
        adminBrowser.screenshot("journey-02-people");
    }

    @Test
    @Order(2)
    void theAdministratorDesignsCustomersAndOrdersSeenOnlyByTheirTeam() throws Exception {
        operations.open("/");
        designer.createAppAndOpenIt(APP, "Sales " + RUN);
        designer.addType(0, "customer", "Customer");
        designer.addField(0, 0, "name", "Name", "Text");
        designer.tick(0, 0, "required");
        designer.addType(1, "order", "Order");
        designer.addField(1, 0, "number", "Number", "Text");
        designer.setField(1, 0, "length", "20");
        designer.tick(1, 0, "required");
        designer.addField(1, 1, "customer", "Customer", "Reference");
        designer.setReference(1, 1, "customer", "One", "Refuse the delete");
        designer.addField(1, 2, "status", "Status", "Choice (enum)");
        designer.setField(1, 2, "values", "new, paid, shipped");
        designer.setField(1, 2, "default", "new");
        designer.addField(1, 3, "total", "Total", "Decimal");
        designer.setField(1, 3, "precision", "12");
        designer.setField(1, 3, "scale", "2");
        designer.addField(1, 4, "team", "Team", "Text");
        designer.setField(1, 4, "length", "63");
        designer.tick(1, 4, "required");
        designer.tick(1, 4, "indexed");
        designer.save();

        designer.openTab("accessTab");
        designer.addRole(0, ROLE, "Seller");
        designer.addAccessRule(0, ROLE, "customer", "Read", "Create");
        designer.addAccessRule(1, ROLE, "order", "Read", "Create", "Update", "Delete");
        designer.addRowCondition(1, 0, "team", "is one of", "the current user's groups", null);
        designer.save();
        designer.screenshot("journey-03-access-rule");

        designer.openTab("formsTab");
        designer.addForm(0, "order-form", "Order", "order");
        designer.setSection(0, 0, "Order", "2");
        designer.placeField(0, 0, 0, "number", "(default)");
        designer.placeField(0, 0, 1, "customer", "2");
        designer.placeField(0, 0, 2, "status", "(default)");
        designer.placeField(0, 0, 3, "total", "2");
        designer.placeField(0, 0, 4, "team", "(default)");
        designer.save();

        designer.openTab("listsTab");
        designer.addList(0, "orders", "Orders", "order", "20");
        designer.addColumn(0, 0, "number", "No.", "");
        designer.addColumn(0, 1, "customer", "", "");
        designer.addColumn(0, 2, "status", "", "");
        designer.addColumn(0, 3, "total", "", "");
        designer.addColumn(0, 4, "team", "", "");
        designer.addSort(0, 0, "number", "Ascending");
        designer.save();
        designer.screenshot("journey-04-list");
    }

    @Test
    @Order(3)
    void theAdministratorPublishesTheApp() throws Exception {
        assertThat(operations.publishApp(APP)).isEqualTo(1);
        adminBrowser.screenshot("journey-05-published");
    }

    @Test
    @Order(4)
    void eachPersonCreatesOrdersForTheirOwnTeam() throws Exception {
        alice.signIn(ALICE, PASSWORD);
        bob.signIn(BOB, PASSWORD);
        // Customers have no row rule: what one team creates, both may pick.
        createCustomer(alice, "Acme Ltd");
        createCustomer(bob, "Bolt plc");
        createOrder(alice, "N-1", "Acme Ltd", "30.00", NORTH);
        createOrder(alice, "N-2", "Bolt plc", "10.00", NORTH);
        createOrder(alice, "N-3", "Acme Ltd", "20.00", NORTH);
        aliceBrowser.screenshot("journey-06-alice-order-form");
        createOrder(bob, "S-1", "Bolt plc", "5.00", SOUTH);
        createOrder(bob, "S-2", "Acme Ltd", "7.00", SOUTH);

        // A record for the other team would be one Bob could not see: the database refuses it.
        bob.openNewRecord(APP, "order");
        assertThat(bobBrowser.find(By.cssSelector("[data-field='status'] select")).getAttribute("value"))
                .as("a new record starts with the model's defaults").isEqualTo("new");
        bob.type("number", "S-9");
        bob.type("team", NORTH);
        assertThat(bob.save("Your access rules do not allow a record with these values")).doesNotContain("403", "Exception");
        bobBrowser.screenshot("journey-07-bob-refused-for-the-other-team");
        // Nothing was written: Alice, whose team it named, does not find it either.
        assertThat(Http.json(asAlice().get(DATA + "/order?filter=number:eq:S-9")).getJsonArray("items")).isEmpty();
    }

    @Test
    @Order(5)
    void eachPersonSeesOnlyTheirTeamsOrdersSortedAndFiltered() throws Exception {
        alice.openList(APP, "order");
        List<String> aliceRows = alice.rows(3);
        assertThat(String.join("\n", aliceRows)).contains("N-1", "N-2", "N-3").doesNotContain("S-1", "S-2");
        assertThat(aliceRows.get(0)).startsWith("N-1");
        alice.sortBy("total");
        alice.browser().waitForText(By.cssSelector("tbody[id='list:table_data'] > tr:first-child"), "N-2");
        alice.sortBy("total");
        alice.browser().waitForText(By.cssSelector("tbody[id='list:table_data'] > tr:first-child"), "N-1");
        aliceBrowser.screenshot("journey-08-alice-list-by-total");
        alice.filter("number", "n-3");
        assertThat(alice.rows(1).get(0)).contains("N-3", "Acme Ltd", "20.00");

        bob.openList(APP, "order");
        assertThat(String.join("\n", bob.rows(2))).contains("S-1", "S-2").doesNotContain("N-");
        bobBrowser.screenshot("journey-09-bob-list");

        // Asking catalogs directly for the other team's orders, with Alice's own token, finds none.
        assertThat(Http.json(asAlice().get(DATA + "/order?filter=team:eq:" + SOUTH)).getJsonArray("items")).isEmpty();
        assertThat(Http.json(asAlice().get(DATA + "/order")).getJsonNumber("total").longValue()).isEqualTo(3);
    }

    @Test
    @Order(6)
    void eachPersonExportsOnlyWhatTheirListShows() throws Exception {
        alice.openList(APP, "order");
        alice.rows(3);
        HttpResponse<byte[]> csv = alice.export("list:exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = Arrays.asList(new String(csv.body(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines).containsExactly("No.,Customer,Status,Total,Team",
                "N-1,Acme Ltd,new,30.00," + NORTH, "N-2,Bolt plc,new,10.00," + NORTH,
                "N-3,Acme Ltd,new,20.00," + NORTH);

        bob.openList(APP, "order");
        bob.rows(2);
        String bobs = new String(bob.export("list:exportCsv").body(), StandardCharsets.UTF_8);
        assertThat(bobs).contains("S-1", "S-2").doesNotContain("N-1", NORTH);
    }

    @Test
    @Order(7)
    void anEditIsSavedAndAStaleEditIsRefusedAndExplained() throws Exception {
        alice.openList(APP, "order");
        alice.rows(3);
        alice.openRecord("N-2");
        alice.choose("status", "paid");
        alice.type("total", "12.50");
        alice.save("Changes saved.");
        JsonObject saved = Http.json(asAlice().get(DATA + "/order?filter=number:eq:N-2")).getJsonArray("items")
                .getJsonObject(0);
        assertThat(saved.getString("status")).isEqualTo("paid");
        assertThat(saved.getString("total")).isEqualTo("12.50");

        alice.openList(APP, "order");
        alice.rows(3);
        alice.openRecord("N-3");
        JsonObject before = Http.json(asAlice().get(DATA + "/order?filter=number:eq:N-3")).getJsonArray("items")
                .getJsonObject(0);
        // Alice herself, in another window, changes it first.
        HttpResponse<String> meanwhile = asAlice().patch(DATA + "/order/" + before.getString("id"),
                "{\"total\": \"21.00\", \"version\": " + before.getInt("version") + "}");
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);
        alice.type("total", "25.00");
        assertThat(alice.save("Someone changed this record since you opened it")).doesNotContain("409", "Exception");
        aliceBrowser.screenshot("journey-10-alice-stale-edit");
        aliceBrowser.click(By.id("record:reload"));
        aliceBrowser.waitForText(By.cssSelector(".record-version"), "Version 2");
        assertThat(alice.value("total")).isEqualTo("21.00");
    }

    /** Alice's own access to catalogs' API, with a token of her own. */
    private static Http asAlice() {
        return Http.as(Platform.login(ALICE, PASSWORD));
    }

    private static void createCustomer(WorkplaceUser person, String name) {
        person.openNewRecord(APP, "customer");
        person.type("name", name);
        person.save("Customer created.");
    }

    private static void createOrder(WorkplaceUser person, String number, String customer, String total, String team) {
        person.openNewRecord(APP, "order");
        person.type("number", number);
        person.pick("customer", customer.substring(0, 3), customer);
        person.choose("status", "new");
        person.type("total", total);
        person.type("team", team);
        person.save("Order created.");
    }
}
