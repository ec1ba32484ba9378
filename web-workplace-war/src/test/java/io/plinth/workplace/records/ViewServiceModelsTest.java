package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.web.api.FakeService;
import io.plinth.web.api.FakeService.Answer;
import io.plinth.web.api.ServiceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViewServiceModelsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String MODEL = """
            {"key":"desk","name":"Help desk","types":[
              {"key":"ticket","name":"Ticket","fields":[
                {"key":"title","type":"text","length":100,"required":true},
                {"key":"priority","type":"enum","values":["low","high"]},
                {"key":"due_date","type":"date"},
                {"key":"customer","type":"reference","reference":{"type":"customer"}},
                {"key":"tags","type":"reference","reference":{"type":"tag","cardinality":"many"}},
                {"key":"extra","type":"json"}]},
              {"key":"customer","fields":[{"key":"since","type":"date"},{"key":"name","type":"text"}]}],
             "forms":[{"key":"ticket-form","type":"ticket","sections":[]}],
             "lists":[{"key":"open-tickets","type":"ticket","columns":[{"field":"title","label":"Subject"},
                 {"field":"priority"}],"filter":[{"field":"priority","op":"in","value":["high","a,b"]},
                 {"field":"due_date","op":"is-not-null"}],"sort":[{"field":"due_date","direction":"desc"}],
                 "pageSize":25}],
             "navigation":[{"key":"work","label":"Work","children":[
                 {"key":"open","label":"Open tickets","list":"open-tickets"},
                 {"key":"new","label":"New ticket","icon":"pi pi-plus","form":"ticket-form"}]}]}""";

    @Test
    void theActiveVersionsModelIsReadWithTheUsersToken() throws Exception {
        try (FakeService viewService = new FakeService(request -> request.pathAndQuery().endsWith("/versions/3")
                ? Answer.json(200, "{\"app\":\"desk\",\"number\":3,\"model\":" + MODEL + "}")
                : Answer.json(200, "{\"key\":\"desk\",\"name\":\"Help desk\",\"activeVersion\":3,\"latestVersion\":4}"))) {
            AppModel model = models(viewService).activeModel("tok", "desk");

            assertThat(viewService.received).extracting(FakeService.Received::pathAndQuery)
                    .containsExactly("/api/apps/desk", "/api/apps/desk/versions/3");
            assertThat(viewService.received).extracting(FakeService.Received::authorization).containsOnly("Bearer tok");
            assertThat(model.version()).isEqualTo(3);
            assertThat(model.name()).isEqualTo("Help desk");

            ModelType ticket = model.type("ticket").orElseThrow();
            assertThat(ticket.fields()).extracting(ModelField::key)
                    .containsExactly("title", "priority", "due_date", "customer", "tags", "extra");
            assertThat(ticket.field("title").orElseThrow()).extracting(ModelField::required, ModelField::length)
                    .containsExactly(true, 100);
            assertThat(ticket.field("priority").orElseThrow().values()).containsExactly("low", "high");
            assertThat(ticket.field("due_date").orElseThrow().label()).isEqualTo("Due date");
            assertThat(ticket.field("customer").orElseThrow()).extracting(ModelField::referenceType,
                    ModelField::isEditable, ModelField::isMany).containsExactly("customer", true, false);
            assertThat(ticket.field("tags").orElseThrow()).extracting(ModelField::isMany, ModelField::isEditable,
                    ModelField::isSortable).containsExactly(true, true, false);
            assertThat(ticket.field("extra").orElseThrow()).extracting(ModelField::isEditable).isEqualTo(false);
            assertThat(model.type("customer").orElseThrow().firstTextField().orElseThrow().key()).isEqualTo("name");

            ModelList list = model.listOf("ticket").orElseThrow();
            assertThat(list.columns()).containsExactly(new ModelList.Column("title", "Subject"),
                    new ModelList.Column("priority", null));
            assertThat(list.filters()).containsExactly("priority:in:high,a\\,b", "due_date:is-not-null");
            assertThat(list.sort()).containsExactly("-due_date");
            assertThat(list.pageSize()).isEqualTo(25);

            assertThat(model.navigation()).containsExactly(
                    new NavigationEntry("work", "Work", null, 0, null, null, false),
                    new NavigationEntry("open", "Open tickets", null, 1, "ticket", "open-tickets", false),
                    new NavigationEntry("new", "New ticket", "pi pi-plus", 1, "ticket", null, true));
        }
    }

    @Test
    void withoutNavigationTheTypesAreTheNavigation() throws Exception {
        String model = "{\"key\":\"desk\",\"name\":\"Desk\",\"types\":[{\"key\":\"ticket\",\"fields\":[]},"
                + "{\"key\":\"due_soon\",\"name\":\"Due soon\"}]}";
        try (FakeService viewService = new FakeService(request -> request.pathAndQuery().endsWith("/versions/1")
                ? Answer.json(200, "{\"model\":" + model + "}") : Answer.json(200, "{\"activeVersion\":1}"))) {
            assertThat(models(viewService).activeModel("tok", "desk").navigation()).containsExactly(
                    new NavigationEntry("ticket", "Ticket", null, 0, "ticket", null, false),
                    new NavigationEntry("due_soon", "Due soon", null, 0, "due_soon", null, false));
        }
    }

    @Test
    void anAppNotPublishedOrNotVisibleIsRefusedAndAnOutageIsUnavailable() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.json(200, "{\"activeVersion\":null}"))) {
            assertThatThrownBy(() -> models(viewService).activeModel("tok", "desk"))
                    .isInstanceOfSatisfying(RecordsRefusedException.class, e -> assertThat(e.isNotFound()).isTrue());

            viewService.answer(request -> Answer.problem(404, "not-found", "no app desk"));
            assertThatThrownBy(() -> models(viewService).activeModel("tok", "desk"))
                    .isInstanceOf(RecordsRefusedException.class);

            viewService.answer(request -> Answer.problem(503, "unavailable", "db down"));
            assertThatThrownBy(() -> models(viewService).activeModel("tok", "desk"))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("HTTP 503");

            viewService.answer(request -> request.pathAndQuery().endsWith("/versions/1")
                    ? Answer.json(200, "{\"model\":{\"key\":\"desk\",\"name\":\"D\",\"types\":[{\"key\":\"t\","
                            + "\"fields\":[{\"key\":\"f\",\"type\":\"hologram\"}]}]}}")
                    : Answer.json(200, "{\"activeVersion\":1}"));
            assertThatThrownBy(() -> models(viewService).activeModel("tok", "desk"))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("does not fit");
        }
        ViewServiceModels down = new ViewServiceModels();
        down.api = FakeService.unreachable(TIMEOUT);
        assertThatThrownBy(() -> down.activeModel("tok", "desk")).isInstanceOf(ServiceUnavailableException.class);
    }

    private static ViewServiceModels models(FakeService viewService) {
        ViewServiceModels models = new ViewServiceModels();
        models.api = viewService.api(TIMEOUT);
        return models;
    }
}
