package io.plinth.viewservice.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogLevelChangeTest {

    @Test
    void levelAloneOrLoggersAlone() {
        assertThat(LogLevelChange.of(json("{\"level\":\"debug\"}"))).isEqualTo(new LogLevelChange("debug", Map.of()));
        assertThat(LogLevelChange.of(json("{\"loggers\":{\"io.plinth.catalogs.x\":\"trace\"}}")))
                .isEqualTo(new LogLevelChange(null, Map.of("io.plinth.catalogs.x", "trace")));
        assertThat(LogLevelChange.of(json("{\"level\":null}"))).isEqualTo(new LogLevelChange(null, Map.of()));
    }

    @Test
    void unknownLevelIsRefused() {
        assertThat(fields("{\"level\":\"verbose\"}")).containsExactly("level");
        assertThat(fields("{\"level\":5}")).containsExactly("level");
    }

    @Test
    void misspeltFieldIsRefusedInsteadOfResettingTheLevels() {
        assertThat(fields("{\"levle\":\"debug\"}")).containsExactly("levle");
    }

    @Test
    void loggerEntriesAreChecked() {
        assertThat(fields("{\"loggers\":{\"io..x\":\"debug\",\"io.plinth.y\":1,\"io.plinth.z\":\"loud\"}}"))
                .containsExactlyInAnyOrder("loggers['io..x']", "loggers['io.plinth.y']", "loggers['io.plinth.z']");
        assertThat(fields("{\"loggers\":[\"io.plinth\"]}")).containsExactly("loggers");
    }

    @Test
    void tooManyLoggersIsRefused() {
        StringBuilder body = new StringBuilder("{\"loggers\":{");
        for (int i = 0; i <= 100; i++) {
            body.append(i == 0 ? "" : ",").append("\"io.plinth.l").append(i).append("\":\"debug\"");
        }
        assertThat(fields(body.append("}}").toString())).containsExactly("loggers");
    }

    private static java.util.List<String> fields(String body) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> LogLevelChange.of(json(body)));
        assertThat(problem.problem().status()).isEqualTo(400);
        return problem.problem().errors().stream().map(FieldError::field).toList();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
