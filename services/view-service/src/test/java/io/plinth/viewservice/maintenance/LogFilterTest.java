package io.plinth.viewservice.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFilterTest {

    @Test
    void noFilterMatchesEverything() {
        List<Object> parameters = new ArrayList<>();

        assertThat(LogFilter.of(null, null, null, null, null, null, null, null, null).where(parameters))
                .isEqualTo(" WHERE true");
        assertThat(parameters).isEmpty();
    }

    @Test
    void everyFilterBecomesABoundCondition() {
        List<Object> parameters = new ArrayList<>();
        LogFilter filter = LogFilter.of("catalogs", "WARNING", "2026-11-27T10:00:00Z", "2026-11-27T12:00:00+01:00",
                "Drop Table", "0AF7651916CD43DD8448EB211C80319C", "io.plinth.catalogs", "ada", "req-1");

        String where = filter.where(parameters);

        assertThat(where).doesNotContain("Drop", "ada", "catalogs'")
                .contains("service = ?", "level IN (?, ?)", "logged_at >= ?", "logged_at < ?", "strpos(lower(message), lower(?))",
                        "trace_id = ?", "starts_with(logger, ?)", "user_login = ?", "request_id = ?");
        assertThat(parameters).containsExactly("catalogs", "error", "warning", OffsetDateTime.parse("2026-11-27T10:00:00Z"),
                OffsetDateTime.parse("2026-11-27T12:00:00+01:00"), "Drop Table", "0af7651916cd43dd8448eb211c80319c",
                "io.plinth.catalogs", "io.plinth.catalogs.", "ada", "req-1");
    }

    @Test
    void badFiltersAreAllReported() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> LogFilter.of("Catalogs!", "loud",
                "yesterday", null, "x".repeat(201), "xyz", "io..plinth", "", "bad id"));

        assertThat(problem.problem().errors()).extracting(FieldError::field)
                .containsExactly("service", "level", "from", "text", "traceId", "logger", "user", "requestId");
    }

    @Test
    void timeRangeMustGoForward() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> LogFilter.of(null, null,
                "2026-11-27T11:00:00Z", "2026-11-27T10:00:00Z", null, null, null, null, null));

        assertThat(problem.problem().errors()).extracting(FieldError::field).containsExactly("to");
    }
}
