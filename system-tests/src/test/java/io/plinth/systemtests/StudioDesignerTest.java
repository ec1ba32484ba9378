package io.plinth.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.systemtests.support.Http;
import io.plinth.systemtests.support.Platform;
import io.plinth.systemtests.support.PlatformExtension;
import io.plinth.systemtests.support.Service;
import io.plinth.systemtests.support.TestInfrastructure;
import io.plinth.systemtests.web.Browser;
import io.plinth.systemtests.web.StudioDesigner;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An app designed in web-studio's designer, in a real browser against the platform in split mode:
 * two related types, a role whose users see only the orders of their own groups, a form and a
 * list with their live previews; view-service's problem with a field shown next to it; a draft
 * someone else saved meanwhile; and the saved draft, read back from view-service's API, exactly as
 * designed. Screenshots {@code target/screenshots/designer-*.png}.
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudioDesignerTest {

    private static final String KEY = "design-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NAME = "Orders " + KEY.substring(7);
    private static final String DRAFT = Service.VIEW_SERVICE.splitUrl() + "/api/apps/" + KEY + "/draft";

    private static TestInfrastructure infra;
    private static Browser browser;
    private static StudioDesigner designer;

    @BeforeAll
    static void start() throws Exception {
        infra = Platform.ensure(Platform.Mode.SPLIT);
        browser = Browser.start(Path.of("target", "screenshots"));
        designer = new StudioDesigner(browser, Service.WEB_STUDIO.splitUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        Http.admin().delete(Service.VIEW_SERVICE.splitUrl() + "/api/apps/" + KEY);
    }

    @Test
    @Order(1)
    void anAppCreatedOnTheAppsPageOpensInTheDesigner() {
        designer.signIn(infra.adminLogin, infra.adminPassword);
        designer.createAppAndOpenIt(KEY, NAME);
    }

    @Test
    @Order(2)
    void twoRelatedTypesAreDesignedAndAFieldProblemShowsNextToItsInput() throws Exception {
        designer.addType(0, "customer", "Customer");
        designer.addField(0, 0, "name", "Name", "Text");
        designer.setField(0, 0, "length", "20000");
        designer.tick(0, 0, "required");
        designer.tick(0, 0, "unique");
        designer.addField(0, 1, "segment", "Segment", "Choice (enum)");
        designer.setField(0, 1, "values", "retail, wholesale");
        designer.setField(0, 1, "default", "retail");

        designer.addType(1, "order", "Order");
        designer.addField(1, 0, "number", "Number", "Text");
        designer.setField(1, 0, "length", "20");
        designer.tick(1, 0, "required");
        designer.addField(1, 1, "customer", "Customer", "Reference");
        designer.setReference(1, 1, "customer", "One", "Refuse the delete");
        designer.tick(1, 1, "required");
        designer.addField(1, 2, "status", "Status", "Choice (enum)");
        designer.setField(1, 2, "values", "new, paid, shipped");
        designer.setField(1, 2, "default", "new");
        designer.addField(1, 3, "total", "Total", "Decimal");
        designer.setField(1, 3, "precision", "12");
        designer.setField(1, 3, "scale", "2");
        designer.addField(1, 4, "team", "Team", "Text");
        designer.setField(1, 4, "length", "100");
        designer.tick(1, 4, "required");
        designer.tick(1, 4, "indexed");

        assertThat(designer.saveRefused("The draft was not saved")).contains("1 problem").doesNotContain("400");
        String lengthInput = StudioDesigner.fieldId(0, 0) + "length";
        assertThat(designer.problemNextTo(lengthInput, "types[0].fields[0].length")).contains("10000");
        assertThat(designer.tabTitle("typesTab")).isEqualTo("Types (1)");
        assertThat(browser.find(org.openqa.selenium.By.id("design:summary")).getText())
                .contains("types[customer].fields[name].length");
        designer.screenshot("designer-01-types-problem");

        designer.setField(0, 0, "length", "200");
        designer.save();
        assertThat(designer.tabTitle("typesTab")).isEqualTo("Types");
        assertThat(browser.isShown(org.openqa.selenium.By.cssSelector(".design-problem"))).isFalse();
        designer.screenshot("designer-02-types");
    }

    @Test
    @Order(3)
    void aRoleSeesOnlyTheOrdersOfItsOwnGroups() throws Exception {
        designer.openTab("accessTab");
        designer.addRole(0, "sales", "Sales");
        designer.addAccessRule(0, "sales", "order", "Read", "Create", "Update");
        designer.addRowCondition(0, 0, "team", "is one of", "the current user's groups", null);
        designer.addFieldRule(0, 0, "total", "Read-only");
        designer.save();
        designer.screenshot("designer-03-roles-access");
    }

    @Test
    @Order(4)
    void aFormIsLaidOutWithALivePreview() throws Exception {
        designer.openTab("formsTab");
        designer.addForm(0, "order-form", "Order", "order");
        designer.setSection(0, 0, "Order", "2");
        designer.placeField(0, 0, 0, "number", "(default)");
        designer.placeField(0, 0, 1, "customer", "2");
        designer.placeField(0, 0, 2, "status", "(default)");
        designer.placeField(0, 0, 3, "total", "2");
        designer.addFormCondition(0, 0, 3, "readOnlyWhen", 0, "status", "equals", "a value", "paid");
        designer.type("design:tabs:forms:0:sections:0:title", "Order details");
        browser.waitForText(org.openqa.selenium.By.id("design:tabs:forms:0:preview"), "Order details");
        assertThat(browser.waitForText(org.openqa.selenium.By.id("design:tabs:forms:0:preview"), "read-only when"))
                .contains("Number *", "Customer *", "Status", "Total", "status equals paid");
        designer.save();
        designer.screenshot("designer-04-form");
    }

    @Test
    @Order(5)
    void aListIsDesignedWithALivePreview() throws Exception {
        designer.openTab("listsTab");
        designer.addList(0, "orders", "Orders", "order", "25");
        designer.addColumn(0, 0, "number", "No.", "");
        designer.addColumn(0, 1, "customer", "", "");
        designer.addColumn(0, 2, "status", "", "");
        designer.addColumn(0, 3, "total", "", "120");
        designer.addFilter(0, 0, "status", "does not equal", "a value", "shipped");
        designer.addSort(0, 0, "number", "Descending");
        assertThat(designer.listPreview(0, "25 rows per page"))
                .contains("No.", "Customer", "Status", "Total", "new", "status does not equal shipped", "number ↓");
        designer.save();
        designer.screenshot("designer-05-list");
    }

    /** view-service holds exactly the model the builder designed. */
    @Test
    @Order(6)
    void theSavedDraftIsExactlyWhatWasDesigned() {
        HttpResponse<String> draft = Http.admin().get(DRAFT);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(Http.json(draft)).isEqualTo(json("""
                {'modelVersion': 1, 'key': '%s', 'name': '%s',
                 'types': [
                  {'key': 'customer', 'name': 'Customer', 'fields': [
                    {'key': 'name', 'name': 'Name', 'type': 'text', 'required': true, 'unique': true, 'length': 200},
                    {'key': 'segment', 'name': 'Segment', 'type': 'enum', 'values': ['retail', 'wholesale'],
                     'default': 'retail'}]},
                  {'key': 'order', 'name': 'Order', 'fields': [
                    {'key': 'number', 'name': 'Number', 'type': 'text', 'required': true, 'length': 20},
                    {'key': 'customer', 'name': 'Customer', 'type': 'reference', 'required': true,
                     'reference': {'type': 'customer', 'cardinality': 'one', 'onDelete': 'restrict'}},
                    {'key': 'status', 'name': 'Status', 'type': 'enum', 'values': ['new', 'paid', 'shipped'],
                     'default': 'new'},
                    {'key': 'total', 'name': 'Total', 'type': 'decimal', 'precision': 12, 'scale': 2},
                    {'key': 'team', 'name': 'Team', 'type': 'text', 'required': true, 'indexed': true,
                     'length': 100}]}],
                 'forms': [{'key': 'order-form', 'name': 'Order', 'type': 'order', 'sections': [
                    {'title': 'Order details', 'columns': 2, 'fields': [
                      {'field': 'number'}, {'field': 'customer', 'column': 2}, {'field': 'status'},
                      {'field': 'total', 'column': 2,
                       'readOnlyWhen': [{'field': 'status', 'op': 'eq', 'value': 'paid'}]}]}]}],
                 'lists': [{'key': 'orders', 'name': 'Orders', 'type': 'order', 'columns': [
                    {'field': 'number', 'label': 'No.'}, {'field': 'customer'}, {'field': 'status'},
                    {'field': 'total', 'width': 120}],
                   'filter': [{'field': 'status', 'op': 'ne', 'value': 'shipped'}],
                   'sort': [{'field': 'number', 'direction': 'desc'}], 'pageSize': 25}],
                 'roles': [{'key': 'sales', 'name': 'Sales'}],
                 'access': [{'role': 'sales', 'type': 'order', 'operations': ['read', 'create', 'update'],
                   'rows': [{'field': 'team', 'op': 'in', 'value': '$user.groups'}],
                   'fields': [{'field': 'total', 'access': 'read-only'}]}]}""".formatted(KEY, NAME)));
    }

    /** Someone saves the draft meanwhile: saving is refused and explained, and reloading shows their change. */
    @Test
    @Order(7)
    void aDraftSavedMeanwhileIsNotOverwritten() throws Exception {
        HttpResponse<String> current = Http.admin().get(DRAFT);
        String revision = current.headers().firstValue("ETag").orElseThrow();
        JsonObject theirs = Json.createObjectBuilder(Http.json(current)).add("name", "Their name").build();
        HttpResponse<String> saved = Http.admin().send(HttpRequest.newBuilder(URI.create(DRAFT))
                .header("Content-Type", "application/json").header("If-Match", revision)
                .PUT(HttpRequest.BodyPublishers.ofString(theirs.toString())));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        designer.type("design:appName", "My name");
        assertThat(designer.saveRefused("Someone else saved this draft")).doesNotContain("412", "Exception");
        designer.screenshot("designer-06-stale");
        designer.reloadAfterStale();
        assertThat(designer.value("design:appName")).isEqualTo("Their name");
        assertThat(Http.json(Http.admin().get(DRAFT)).getString("name")).isEqualTo("Their name");
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }
}
