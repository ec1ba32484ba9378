package io.plinth.studio.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.studio.web.Listing;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.FakeService.Answer;
import io.plinth.web.api.FakeService;
import io.plinth.web.api.ServiceUnavailableException;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ViewServiceAppsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String PAGE = """
            {"items":[
              {"id":"6c1f0d6e-0000-4000-8000-000000000001","key":"orders","name":"Orders","description":"Sales",
               "activeVersion":2,"latestVersion":2,"draftRevision":5,"draftUpdatedAt":"2026-03-01T09:30:00Z",
               "draftUpdatedBy":"alice"},
              {"id":"6c1f0d6e-0000-4000-8000-000000000002","key":"ledger","name":"Ledger","draftRevision":1}],
             "offset":20,"limit":20,"total":42}""";

    @Test
    void aPageOfAppsIsReadWithTheUsersTokenAndTheSearch() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.json(200, PAGE))) {
            Listing<AppSummary> page = apps(viewService).list("tok", " or ders ", 20, 20);

            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/apps?offset=20&limit=20&q=or%20ders");
            assertThat(viewService.received.get(0).authorization()).isEqualTo("Bearer tok");
            assertThat(page.total()).isEqualTo(42);
            assertThat(page.first()).isEqualTo(21);
            assertThat(page.last()).isEqualTo(22);
            assertThat(page.hasPrevious()).isTrue();
            assertThat(page.hasNext()).isTrue();
            assertThat(page.items()).containsExactly(
                    new AppSummary("orders", "Orders", "Sales", 2, 2, OffsetDateTime.parse("2026-03-01T09:30:00Z"), "alice"),
                    new AppSummary("ledger", "Ledger", null, null, null, null, null));
            assertThat(page.items().get(0).isDraftOnly()).isFalse();
            assertThat(page.items().get(1).isDraftOnly()).isTrue();
        }
    }

    @Test
    void aBlankSearchListsEverything() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.json(200, PAGE))) {
            apps(viewService).list("tok", "  ", 0, 20);

            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/apps?offset=0&limit=20");
        }
    }

    @Test
    void creatingSendsTheKeyAndNameAndValidationProblemsComeBackByField() throws Exception {
        try (FakeService viewService = new FakeService(request -> new Answer(400, "application/problem+json", """
                {"status":400,"code":"validation-failed","detail":"key: must be 2 to 63 characters",
                 "errors":[{"field":"key","message":"must be 2 to 63 characters"}]}"""))) {
            assertThatThrownBy(() -> apps(viewService).create("tok", "Bad Key", "Orders"))
                    .isInstanceOfSatisfying(RefusedException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("validation-failed");
                        assertThat(e.errors()).containsExactly(
                                new ApiAnswer.FieldProblem("key", "must be 2 to 63 characters"));
                    });
            assertThat(viewService.received.get(0).method()).isEqualTo("POST");
            assertThat(viewService.received.get(0).body()).isEqualTo("{\"key\":\"Bad Key\",\"name\":\"Orders\"}");
        }
    }

    @Test
    void deletingNamesTheAppAndAPublishedAppIsRefused() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.problem(409, "app-published", "has versions"))) {
            assertThatThrownBy(() -> apps(viewService).delete("tok", "orders"))
                    .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.detail()).isEqualTo("has versions"));
            assertThat(viewService.received.get(0).method() + " " + viewService.received.get(0).pathAndQuery())
                    .isEqualTo("DELETE /api/apps/orders");

            viewService.answer(request -> new Answer(204, "application/json", ""));
            apps(viewService).delete("tok", "orders");
        }
    }

    @Test
    void aServerErrorAWrongAnswerOrNoAnswerMeansViewServiceIsUnavailable() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.problem(503, "unavailable", "db down"))) {
            assertThatThrownBy(() -> apps(viewService).list("tok", null, 0, 20))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("HTTP 503");

            viewService.answer(request -> Answer.json(200, "{\"items\":[{\"name\":\"no key\"}],\"offset\":0,"
                    + "\"limit\":20,\"total\":1}"));
            assertThatThrownBy(() -> apps(viewService).list("tok", null, 0, 20))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("not a page of apps");
        }
        ViewServiceApps down = new ViewServiceApps();
        down.api = FakeService.unreachable(TIMEOUT);
        assertThatThrownBy(() -> down.list("tok", null, 0, 20)).isInstanceOf(ServiceUnavailableException.class);
    }

    private static ViewServiceApps apps(FakeService viewService) {
        ViewServiceApps apps = new ViewServiceApps();
        apps.api = viewService.api(TIMEOUT);
        return apps;
    }
}
