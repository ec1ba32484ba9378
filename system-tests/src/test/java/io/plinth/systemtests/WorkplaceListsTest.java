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
import io.plinth.systemtests.web.WorkplaceUser;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * web-workplace's lists and forms in a real browser, through the platform in split mode: the
 * column chooser, a saved view applied again after a reload (kept in the preference store), CSV
 * and XLSX exports of the filtered, sorted list, a reference picked by searching with the
 * keyboard, a designed form whose field appears under a condition, the record's history, and
 * several tags picked into a reference to many records and one removed with the keyboard.
 * Screenshots at 1280 and 800 pixels: {@code target/screenshots/wl-*.png}.
 */
@Order(8)
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkplaceListsTest {

    private static final String APP = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DATA = Service.CATALOGS.splitUrl() + "/api/data/" + APP;
    private static final String WORKPLACE = Service.WEB_WORKPLACE.splitUrl();
    private static final String LIST = WORKPLACE + "/list.xhtml?app=" + APP + "&type=order";
    /** The orders the filter "order 1" matches: Order 10..19 and the one whose title looks like a formula. */
    private static final String FORMULA = "=1+2 order 1b";
    private static final By ROWS = By.cssSelector("tbody[id='list:table_data'] > tr");

    private static TestInfrastructure infra;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
        publishShop();
        browser = Browser.start(Path.of("target", "screenshots"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theColumnChooserHidesAColumnAndTheFilteredSortedListIsSavedAsAView() throws Exception {
        browser.open(LIST);
        if (browser.isShown(By.id("signin:login"))) {
            browser.type(By.id("signin:login"), infra.adminLogin);
            browser.type(By.id("signin:password"), infra.adminPassword);
            browser.click(By.id("signin:submit"));
            browser.find(By.cssSelector(".workplace-user-name"));
            browser.open(LIST);
        }
        assertThat(browser.waitForText(By.id("list:table"), "Order 01"))
                .contains("Title", "Customer", "Vip", "Points", "Note", "Ada Lovelace");
        browser.screenshot("wl-01-list-1280");

        browser.click(By.id("list:columns"));
        browser.click(By.xpath("//div[@id='list:columns_panel']//li[.//label[normalize-space()='Note']]"
                + "//div[contains(@class,'ui-chkbox-box')]"));
        browser.click(By.tagName("h1"));
        browser.waitUntilGone(By.cssSelector("th.records-column-note"));

        browser.type(By.cssSelector("th.records-column-title input"), "order 1");
        awaitRows(11);
        browser.click(By.cssSelector("th.records-column-points .ui-column-title"));
        browser.waitForText(By.cssSelector("tbody[id='list:table_data'] > tr:first-child"), FORMULA);

        browser.type(By.id("list:viewName"), "Order ones");
        browser.click(By.cssSelector("[id='list:viewDefault'] .ui-chkbox-box"));
        browser.click(By.id("list:saveView"));
        browser.waitForText(By.id("messages"), "View “Order ones” saved.");
        browser.screenshot("wl-02-list-view-saved");

        HttpResponse<String> stored = Http.admin().get(WORKPLACE + "/api/preferences/list-views." + APP + ".orders");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonObject value = Http.json(stored).getJsonObject("value");
        assertThat(value.getString("default")).isEqualTo("Order ones");
        JsonObject view = value.getJsonArray("views").getJsonObject(0);
        assertThat(view.getJsonArray("columns").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("title", "customer", "vip", "points");
        assertThat(view.getJsonObject("filters").getString("title")).isEqualTo("order 1");
        assertThat(view.getJsonArray("sort").getString(0)).isEqualTo("points");
    }

    @Test
    @Order(2)
    void theDefaultViewOpensWithTheListAndAViewIsAppliedByName() throws Exception {
        browser.open(LIST);
        awaitRows(11);
        assertThat(browser.isShown(By.cssSelector("th.records-column-note"))).isFalse();
        assertThat(browser.find(By.cssSelector("th.records-column-title input")).getAttribute("value"))
                .isEqualTo("order 1");
        assertThat(browser.find(By.cssSelector("tbody[id='list:table_data'] > tr:first-child")).getText())
                .contains(FORMULA);

        browser.open(LIST + "&view=" + URLEncoder.encode("No such view", StandardCharsets.UTF_8));
        browser.waitForText(By.id("messages"), "no longer exists");
        assertThat(browser.find(By.id("list:table")).getText()).contains("Note");

        browser.select(By.id("list:views"), "Order ones (default)");
        browser.click(By.id("list:applyView"));
        browser.waitForUrl("view=Order");
        awaitRows(11);
        assertThat(browser.isShown(By.cssSelector("th.records-column-note"))).isFalse();
    }

    @Test
    @Order(3)
    void theExportsHoldEveryFilteredRowInTheListsOrderWithTheShownColumns() throws Exception {
        HttpResponse<byte[]> csv = new WorkplaceUser(browser, WORKPLACE).export("list:exportCsv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(text.substring(1).split("\r\n"));
        assertThat(text).startsWith("\uFEFF");
        assertThat(lines.get(0)).isEqualTo("Title,Customer,Vip,Points");
        List<String> expected = new ArrayList<>(List.of("'" + FORMULA + ",Ada Lovelace,No,5"));
        IntStream.iterate(19, i -> i >= 10, i -> i - 1)
                .forEach(i -> expected.add("Order " + i + ",Ada Lovelace," + (i % 2 == 0 ? "Yes" : "No") + "," + points(i)));
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);

        HttpResponse<byte[]> xlsx = new WorkplaceUser(browser, WORKPLACE).export("list:exportXlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(11);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("Title", "Customer", "Vip", "Points");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(FORMULA);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(5.0);
            for (int i = 2; i <= 11; i++) {
                Row row = sheet.getRow(i);
                int number = 21 - i;
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Order " + number);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Ada Lovelace");
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(points(number));
            }
        }
    }

    @Test
    @Order(4)
    void aReferenceIsPickedBySearchingWithTheKeyboardAndAConditionShowsAField() throws Exception {
        browser.open(WORKPLACE + "/record.xhtml?app=" + APP + "&type=order");
        By title = By.id("record:sections:0:fields:0:text");
        By customer = By.id("record:sections:0:fields:1:reference_input");
        browser.type(title, "Order for Zoe");
        assertThat(browser.isShown(By.cssSelector("[data-field='points']"))).as("shown only for VIPs").isFalse();

        WebElement search = browser.find(customer);
        search.sendKeys("zim");
        browser.waitForText(By.id("record:sections:0:fields:1:reference_panel"), "Zoe Zimmer");
        search.sendKeys(Keys.ARROW_DOWN);
        search.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> "Zoe Zimmer".equals(search.getAttribute("value")));

        browser.click(By.cssSelector("[id='record:sections:0:fields:2:flag'] .ui-chkbox-box"));
        browser.type(By.id("record:sections:0:fields:3:number"), "42");
        browser.type(By.id("record:sections:1:fields:0:text"), "Deliver before noon");
        browser.screenshot("wl-03-form-1280");
        browser.resize(800, 1000);
        browser.screenshot("wl-04-form-800");
        browser.resize(1280, 900);

        browser.click(By.id("record:save"));
        browser.waitForText(By.id("messages"), "Order created.");
        assertThat(browser.find(customer).getAttribute("value")).isEqualTo("Zoe Zimmer");
        assertThat(browser.find(By.id("record:sections:0:fields:3:number")).getAttribute("value")).isEqualTo("42");
        JsonObject stored = Http.json(Http.admin().get(DATA + "/order?filter=title:eq:Order%20for%20Zoe"))
                .getJsonArray("items").getJsonObject(0);
        assertThat(stored.getString("customer")).isEqualTo(zoe);
        assertThat(stored.getInt("points")).isEqualTo(42);
    }

    @Test
    @Order(5)
    void theRecordsHistoryShowsWhoChangedWhichFieldFromWhatToWhat() throws Exception {
        assertThat(browser.waitForText(By.id("record:history"), "Version 1: created")).contains("by you");
        browser.type(By.id("record:sections:0:fields:0:text"), "Order for Zoe (changed)");
        browser.click(By.id("record:save"));
        browser.waitForText(By.id("messages"), "Changes saved.");
        String history = browser.waitForText(By.id("record:history"), "Version 2: changed");
        assertThat(history).contains("by you", "Title", "Order for Zoe", "Order for Zoe (changed)", "Customer",
                "Zoe Zimmer");
        assertThat(history.indexOf("Version 2")).isLessThan(history.indexOf("Version 1"));
        browser.resize(1280, 1500);
        browser.screenshot("wl-05-record-history");
        browser.resize(1280, 900);

        browser.resize(800, 1000);
        browser.open(LIST);
        awaitRows(11);
        browser.screenshot("wl-06-list-800");
        browser.resize(1280, 900);
    }

    @Test
    @Order(6)
    void severalTagsArePickedBySearchingAndOneIsRemovedWithTheKeyboard() throws Exception {
        browser.open(WORKPLACE + "/record.xhtml?app=" + APP + "&type=order");
        browser.type(By.id("record:sections:0:fields:0:text"), "Order with tags");
        By tags = By.id("record:sections:1:fields:1:references_input");
        By picker = By.id("record:sections:1:fields:1:references");
        By chip = By.cssSelector("li.ui-autocomplete-token");
        pickTag(tags, "urg", "Urgent");
        pickTag(tags, "frag", "Fragile");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.find(picker).findElements(chip).size() == 2);
        browser.screenshot("wl-07-form-tags");

        browser.click(By.id("record:save"));
        browser.waitForText(By.id("messages"), "Order created.");
        assertThat(browser.waitForText(By.id("record:sections:1:fields:1:references"), "Fragile")).contains("Urgent");
        assertThat(storedTags()).containsExactlyInAnyOrder(urgent, fragile);

        // The saved chips are in label order; Backspace in the empty search box removes the last (Urgent).
        browser.find(tags).sendKeys(Keys.BACK_SPACE);
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.find(picker).findElements(chip).size() == 1);
        browser.click(By.id("record:save"));
        browser.waitForText(By.id("messages"), "Changes saved.");
        assertThat(storedTags()).containsExactly(fragile);
        assertThat(browser.find(By.id("record:sections:1:fields:1:references")).getText())
                .contains("Fragile").doesNotContain("Urgent");
        browser.resize(1280, 1500);
        browser.screenshot("wl-08-form-tags-saved");
        browser.resize(1280, 900);
    }

    private static void pickTag(By input, String typed, String label) {
        WebElement search = browser.find(input);
        search.sendKeys(typed);
        browser.waitForText(By.id("record:sections:1:fields:1:references_panel"), label);
        search.sendKeys(Keys.ARROW_DOWN);
        search.sendKeys(Keys.ENTER);
        browser.waitForText(By.id("record:sections:1:fields:1:references"), label);
    }

    private static List<String> storedTags() {
        JsonObject stored = Http.json(Http.admin().get(DATA + "/order?filter=title:eq:Order%20with%20tags"))
                .getJsonArray("items").getJsonObject(0);
        return stored.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String zoe;
    private static String urgent;
    private static String fragile;

    private static int points(int order) {
        return 200 - order;
    }

    private static void awaitRows(int count) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> browser.find(By.id("list:table")).findElements(ROWS).size() == count
                        && !browser.find(By.id("list:table")).getText().contains("No records match."));
    }

    /**
     * The app: customers (Ada first, Zoe after 120 others, beyond any first page of a picker) and
     * orders with a list, a designed form (points shown for VIPs only) and the administrator's rules.
     */
    private static void publishShop() {
        String apps = Service.VIEW_SERVICE.splitUrl() + "/api/apps";
        HttpResponse<String> created = Http.admin().post(apps, "{\"key\":\"" + APP + "\",\"name\":\"Shop\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String model = ("{'key': '%s', 'name': 'Shop', 'types': ["
                + "{'key': 'customer', 'name': 'Customer', 'fields': [{'key': 'name', 'type': 'text', 'length': 100}]},"
                + "{'key': 'order', 'name': 'Order', 'fields': ["
                + "  {'key': 'title', 'type': 'text', 'length': 100, 'required': true},"
                + "  {'key': 'customer', 'type': 'reference', 'reference': {'type': 'customer'}},"
                + "  {'key': 'vip', 'type': 'boolean'},"
                + "  {'key': 'points', 'type': 'integer'},"
                + "  {'key': 'note', 'type': 'text', 'length': 200},"
                + "  {'key': 'tags', 'type': 'reference', 'reference': {'type': 'tag', 'cardinality': 'many'}}]},"
                + "{'key': 'tag', 'name': 'Tag', 'fields': [{'key': 'label', 'type': 'text', 'length': 50}]}],"
                + " 'forms': [{'key': 'order-form', 'name': 'Order', 'type': 'order', 'sections': ["
                + "  {'title': 'Order', 'columns': 2, 'fields': [{'field': 'title'}, {'field': 'customer', 'column': 2},"
                + "    {'field': 'vip'}, {'field': 'points', 'column': 2,"
                + "     'visibleWhen': [{'field': 'vip', 'op': 'eq', 'value': true}]}]},"
                + "  {'title': 'Notes', 'columns': 1, 'fields': [{'field': 'note'}, {'field': 'tags'}]}]}],"
                + " 'lists': [{'key': 'orders', 'type': 'order', 'columns': [{'field': 'title'}, {'field': 'customer'},"
                + "  {'field': 'vip'}, {'field': 'points'}, {'field': 'note'}],"
                + "  'sort': [{'field': 'title', 'direction': 'asc'}], 'pageSize': 20}],"
                + " 'roles': [{'key': 'platform-admin'}],"
                + " 'access': [{'role': 'platform-admin', 'type': 'customer', 'operations': ['read', 'create', 'update', 'delete']},"
                + "  {'role': 'platform-admin', 'type': 'order', 'operations': ['read', 'create', 'update', 'delete']},"
                + "  {'role': 'platform-admin', 'type': 'tag', 'operations': ['read', 'create', 'update', 'delete']}]}")
                .formatted(APP).replace('\'', '"');
        HttpResponse<String> draft = Http.admin().put(apps + "/" + APP + "/draft", model);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        JsonObject done = Publications.publish(Http.admin(), apps + "/" + APP, Duration.ofSeconds(60));
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("active");

        List<String> customers = new ArrayList<>(List.of("Ada Lovelace"));
        IntStream.rangeClosed(1, 120).forEach(i -> customers.add("Customer %03d".formatted(i)));
        customers.add("Zoe Zimmer");
        JsonArray ids = bulk("customer", customers.stream().map(n -> "{\"name\": \"" + n + "\"}").toList());
        String ada = ids.getJsonObject(0).getString("id");
        zoe = ids.getJsonObject(ids.size() - 1).getString("id");

        List<String> orders = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            orders.add("{\"title\": \"Order %02d\", \"customer\": \"%s\", \"vip\": %s, \"points\": %d, \"note\": \"n%d\"}"
                    .formatted(i, ada, i % 2 == 0, points(i), i));
        }
        orders.add("{\"title\": \"" + FORMULA + "\", \"customer\": \"" + ada + "\", \"vip\": false, \"points\": 5}");
        bulk("order", orders);

        JsonArray tags = bulk("tag", List.of("{\"label\": \"Urgent\"}", "{\"label\": \"Fragile\"}",
                "{\"label\": \"Gift\"}"));
        urgent = tags.getJsonObject(0).getString("id");
        fragile = tags.getJsonObject(1).getString("id");
    }

    private static JsonArray bulk(String type, List<String> records) {
        String body = records.stream().map(r -> "{\"op\": \"create\", \"record\": " + r + "}")
                .collect(Collectors.joining(",", "{\"operations\": [", "]}"));
        HttpResponse<String> answer = Http.admin().post(DATA + "/" + type + "/bulk", body);
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
        return Http.json(answer).getJsonArray("results");
    }
}
