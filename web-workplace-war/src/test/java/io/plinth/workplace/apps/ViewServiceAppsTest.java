package io.plinth.workplace.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.web.api.FakeService;
import io.plinth.web.api.FakeService.Answer;
import io.plinth.web.api.ServiceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViewServiceAppsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void theAppsAreReadWithTheUsersTokenAndTheSearch() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.json(200, """
                {"items":[{"key":"orders","name":"Orders","description":"Sales","activeVersion":3},
                          {"key":"ledger","name":"Ledger"}],"offset":0,"limit":500,"total":2}"""))) {
            AppList list = apps(viewService).apps("tok", "ord ers");

            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/apps?limit=500&q=ord%20ers");
            assertThat(viewService.received.get(0).authorization()).isEqualTo("Bearer tok");
            assertThat(list.total()).isEqualTo(2);
            assertThat(list.apps()).containsExactly(new PublishedApp("orders", "Orders", "Sales", 3),
                    new PublishedApp("ledger", "Ledger", "", null));
            assertThat(list.apps().get(0).isPublished()).isTrue();
            assertThat(list.apps().get(1).isPublished()).isFalse();
        }
    }

    @Test
    void aUserWhoMayNotListAppsHasNoneAndThatIsNoOutage() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.problem(403, "forbidden",
                "needs view-service:apps:read"))) {
            assertThatThrownBy(() -> apps(viewService).apps("tok", null))
                    .isInstanceOf(ViewServiceApps.NotAllowedException.class);
            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/apps?limit=500");
        }
    }

    @Test
    void aServerErrorAWrongAnswerOrNoAnswerMeansViewServiceIsUnavailable() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.problem(503, "unavailable", "db down"))) {
            assertThatThrownBy(() -> apps(viewService).apps("tok", null))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("HTTP 503");

            viewService.answer(request -> Answer.json(200, "{\"items\":[{\"key\":\"x\"}],\"total\":1}"));
            assertThatThrownBy(() -> apps(viewService).apps("tok", null))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("not a page of apps");
        }
        ViewServiceApps down = new ViewServiceApps();
        down.api = FakeService.unreachable(TIMEOUT);
        assertThatThrownBy(() -> down.apps("tok", null)).isInstanceOf(ServiceUnavailableException.class);
    }

    private static ViewServiceApps apps(FakeService viewService) {
        ViewServiceApps apps = new ViewServiceApps();
        apps.api = viewService.api(TIMEOUT);
        return apps;
    }
}
