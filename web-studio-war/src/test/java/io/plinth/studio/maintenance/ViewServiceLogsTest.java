package io.plinth.studio.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.studio.apps.RefusedException;
import io.plinth.studio.web.Listing;
import io.plinth.web.api.FakeService.Answer;
import io.plinth.web.api.FakeService;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewServiceLogsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void everyFilterGoesIntoTheQueryInUtcAndBlankOnesAreLeftOut() {
        LogQuery query = new LogQuery("catalogs", "warning", LocalDateTime.parse("2026-11-27T10:00"), null,
                " disk full & more ", "4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(query.queryString(0, 50, null)).isEqualTo("?service=catalogs&level=warning&from=2026-11-27T10%3A00Z"
                + "&text=disk%20full%20%26%20more&traceId=4bf92f3577b34da6a3ce929d0e0e4736&offset=0&limit=50");
        assertThat(new LogQuery("", null, null, null, "  ", null).queryString(50, 50, null))
                .isEqualTo("?offset=50&limit=50");
    }

    @Test
    void laterPagesArePinnedToTheFirstPagesNewestRecordUnlessTheRangeEndsEarlier() {
        OffsetDateTime pinned = OffsetDateTime.parse("2026-11-27T10:15:30.123457Z");
        assertThat(new LogQuery(null, null, null, null, null, null).queryString(50, 50, pinned))
                .isEqualTo("?to=2026-11-27T10%3A15%3A30.123457Z&offset=50&limit=50");
        assertThat(new LogQuery(null, null, null, LocalDateTime.parse("2026-11-27T09:00"), null, null)
                .queryString(50, 50, pinned)).isEqualTo("?to=2026-11-27T09%3A00Z&offset=50&limit=50");
    }

    @Test
    void aPageOfRecordsIsRead() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.json(200, """
                {"items":[{"id":4711,"time":"2026-11-27T10:15:30.123456Z","service":"catalogs","instance":"c-1",
                  "level":"warning","logger":"io.plinth.kernel.bus.QueueConsumer","message":"failed 3 time(s)",
                  "thread":"bus-2","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","exceptionClass":"java.lang.IllegalArgumentException",
                  "stackTrace":"java.lang.IllegalArgumentException\\n\\tat x"}],"offset":0,"limit":50,"total":1}"""))) {
            Listing<LogRecord> page = logs(viewService).search("tok", new LogQuery("catalogs", null, null, null, null, null), 0, 50,
                    null);

            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/logs?service=catalogs&offset=0&limit=50");
            assertThat(viewService.received.get(0).authorization()).isEqualTo("Bearer tok");
            assertThat(page.total()).isEqualTo(1);
            LogRecord record = page.items().get(0);
            assertThat(record.time()).isEqualTo(OffsetDateTime.parse("2026-11-27T10:15:30.123456Z"));
            assertThat(record.level()).isEqualTo("warning");
            assertThat(record.stackTrace()).contains("\tat x");
            assertThat(record.user()).isNull();
        }
    }

    @Test
    void changingALevelKeepsTheSingleLoggersLevelsAndTheDefaultSendsNoLevel() throws Exception {
        String answer = """
                {"service":"catalogs","level":"debug","loggers":{"io.plinth.kernel.bus":"trace"},"version":4,
                 "updatedAt":"2026-11-27T10:15:30Z","updatedBy":"admin"}""";
        try (FakeService viewService = new FakeService(request -> Answer.json(200, answer))) {
            ServiceLevels current = new ServiceLevels("catalogs", null, Map.of("io.plinth.kernel.bus", "trace"), 3, null,
                    null);
            ServiceLevels saved = logs(viewService).change("tok", current, "debug");

            assertThat(viewService.received.get(0).method()).isEqualTo("PUT");
            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/log-levels/catalogs");
            assertThat(viewService.received.get(0).body())
                    .isEqualTo("{\"loggers\":{\"io.plinth.kernel.bus\":\"trace\"},\"level\":\"debug\"}");
            assertThat(saved.level()).isEqualTo("debug");
            assertThat(saved.version()).isEqualTo(4);
            assertThat(saved.loggersText()).isEqualTo("io.plinth.kernel.bus=trace");

            logs(viewService).change("tok", current, null);
            assertThat(viewService.received.get(1).body()).isEqualTo("{\"loggers\":{\"io.plinth.kernel.bus\":\"trace\"}}");
        }
    }

    @Test
    void theLevelsOfEveryServiceAreReadAndARefusalIsARefusal() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.json(200,
                "{\"service\":\"" + request.pathAndQuery().replace("/api/log-levels/", "") + "\",\"level\":null,"
                        + "\"loggers\":{},\"version\":0}"))) {
            assertThat(logs(viewService).levels("tok")).extracting(ServiceLevels::service)
                    .containsExactlyElementsOf(ServiceDirectory.NAMES);

            viewService.answer(request -> Answer.problem(403, "forbidden", "needs view-service:logs:admin"));
            assertThatThrownBy(() -> logs(viewService).levels("tok")).isInstanceOfSatisfying(RefusedException.class,
                    e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    private static ViewServiceLogs logs(FakeService viewService) {
        ViewServiceLogs logs = new ViewServiceLogs();
        logs.api = viewService.api(TIMEOUT);
        return logs;
    }
}
