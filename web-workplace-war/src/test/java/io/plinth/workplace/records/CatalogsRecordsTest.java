package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.web.api.FakeService;
import io.plinth.web.api.FakeService.Answer;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogsRecordsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aPageIsAskedWithFiltersSortFieldsAndPagingAndTheUsersToken() throws Exception {
        try (FakeService catalogs = new FakeService(request -> Answer.json(200, """
                {"items":[{"id":"a1","version":2,"title":"Printer"}],"limit":20,"offset":40,"total":41}"""))) {
            RecordQuery query = new RecordQuery(List.of(RecordQuery.columnFilter("title", FieldKind.TEXT, " 50%_off "),
                    RecordQuery.columnFilter("priority", FieldKind.ENUM, "high")), List.of("-due_date", "title"),
                    List.of("title", "priority"), 40, 20, true);
            RecordPage page = records(catalogs).query("tok", "desk", "ticket", query);

            assertThat(catalogs.received.get(0).pathAndQuery()).isEqualTo("/api/data/desk/ticket"
                    + "?filter=title%3Ailike%3A%2550%5C%25%5C_off%25&filter=priority%3Aeq%3Ahigh"
                    + "&sort=-due_date%2Ctitle&fields=title%2Cpriority&offset=40&limit=20");
            assertThat(catalogs.received.get(0).authorization()).isEqualTo("Bearer tok");
            assertThat(page.total()).isEqualTo(41);
            assertThat(page.items()).hasSize(1);
            assertThat(page.items().get(0).getString("title")).isEqualTo("Printer");
        }
    }

    @Test
    void hiddenFieldsAreFoundByTheRefusalOfTheirProjection() throws Exception {
        try (FakeService catalogs = new FakeService(request -> request.pathAndQuery().contains("credit")
                ? Answer.problem(400, "validation-failed", "fields") : Answer.json(200, "{\"items\":[]}"))) {
            assertThat(records(catalogs).visibleFields("tok", "crm", "customer", List.of("name", "credit", "region")))
                    .containsExactly("name", "region");
            assertThat(catalogs.received).extracting(FakeService.Received::pathAndQuery).containsExactly(
                    "/api/data/crm/customer?fields=name%2Ccredit%2Cregion&offset=0&limit=1&count=false",
                    "/api/data/crm/customer?fields=name&offset=0&limit=1&count=false",
                    "/api/data/crm/customer?fields=credit&offset=0&limit=1&count=false",
                    "/api/data/crm/customer?fields=region&offset=0&limit=1&count=false");

            catalogs.received.clear();
            assertThat(records(catalogs).visibleFields("tok", "crm", "customer", List.of("name"))).containsExactly("name");
            assertThat(catalogs.received).hasSize(1);
        }
    }

    @Test
    void writesSendTheValuesTheVersionAndTheMethodCatalogsExpects() throws Exception {
        try (FakeService catalogs = new FakeService(request -> request.method().equals("DELETE")
                ? new Answer(204, "application/json", "")
                : Answer.json(request.method().equals("POST") ? 201 : 200, "{\"id\":\"a1\",\"version\":3}"))) {
            CatalogsRecords records = records(catalogs);
            records.create("tok", "desk", "ticket", Json.createObjectBuilder().add("title", "Printer").build());
            records.update("tok", "desk", "ticket", "a1", Json.createObjectBuilder().add("title", "Fax").build(), 2);
            records.delete("tok", "desk", "ticket", "a1", 3);

            assertThat(catalogs.received).extracting(r -> r.method() + " " + r.pathAndQuery() + " " + r.body())
                    .containsExactly("POST /api/data/desk/ticket {\"title\":\"Printer\"}",
                            "PATCH /api/data/desk/ticket/a1 {\"title\":\"Fax\",\"version\":2}",
                            "DELETE /api/data/desk/ticket/a1?version=3 ");
        }
    }

    @Test
    void refusalsKeepTheirFieldsAndStaleEditsAreRecognised() throws Exception {
        try (FakeService catalogs = new FakeService(request -> new Answer(400, "application/problem+json", """
                {"status":400,"code":"validation-failed","detail":"1 field is not valid",
                 "errors":[{"field":"title","message":"is longer than 100 characters"}]}"""))) {
            assertThatThrownBy(() -> records(catalogs).create("tok", "desk", "ticket", Json.createObjectBuilder().build()))
                    .isInstanceOfSatisfying(RecordsRefusedException.class, e -> {
                        assertThat(e.errors()).extracting(p -> p.field() + ": " + p.message())
                                .containsExactly("title: is longer than 100 characters");
                        assertThat(e.isStaleEdit()).isFalse();
                    });

            catalogs.answer(request -> Answer.problem(409, "version-conflict", "record a1 is at version 3"));
            assertThatThrownBy(() -> records(catalogs).update("tok", "desk", "ticket", "a1",
                    Json.createObjectBuilder().build(), 2))
                    .isInstanceOfSatisfying(RecordsRefusedException.class, e -> assertThat(e.isStaleEdit()).isTrue());
            catalogs.answer(request -> Answer.problem(412, "precondition-failed", "stale"));
            assertThatThrownBy(() -> records(catalogs).delete("tok", "desk", "ticket", "a1", 2))
                    .isInstanceOfSatisfying(RecordsRefusedException.class, e -> assertThat(e.isStaleEdit()).isTrue());
            catalogs.answer(request -> Answer.problem(409, "unique-violation", "taken"));
            assertThatThrownBy(() -> records(catalogs).delete("tok", "desk", "ticket", "a1", 2))
                    .isInstanceOfSatisfying(RecordsRefusedException.class, e -> assertThat(e.isStaleEdit()).isFalse());

            catalogs.answer(request -> Answer.problem(500, "internal", "boom"));
            assertThatThrownBy(() -> records(catalogs).get("tok", "desk", "ticket", "a1"))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("HTTP 500");
            catalogs.answer(request -> Answer.json(200, "{\"items\":7}"));
            assertThatThrownBy(() -> records(catalogs).query("tok", "desk", "ticket",
                    new RecordQuery(List.of(), List.of(), List.of(), 0, 20, true)))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("not a page");
        }
        CatalogsRecords down = new CatalogsRecords();
        down.api = FakeService.unreachable(TIMEOUT);
        assertThatThrownBy(() -> down.get("tok", "desk", "ticket", "a1")).isInstanceOf(ServiceUnavailableException.class);
    }

    private static CatalogsRecords records(FakeService catalogs) {
        CatalogsRecords records = new CatalogsRecords();
        records.api = catalogs.api(TIMEOUT);
        return records;
    }
}
