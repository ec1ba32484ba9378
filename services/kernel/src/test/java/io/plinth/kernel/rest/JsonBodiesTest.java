package io.plinth.kernel.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void aBodyIsOneJsonObjectWithinItsLimit() {
        assertThat(read("{\"a\": 1}", 100).getInt("a")).isEqualTo(1);
        assertThat(refused(() -> read("{\"a\": \"" + "x".repeat(100) + "\"}", 100)).status()).isEqualTo(413);
        assertThat(refused(() -> read("[1]", 100)).detail()).isEqualTo("The body must be a JSON object");
        assertThat(refused(() -> read("{} {}", 100)).code()).isEqualTo("malformed-body");
        assertThat(refused(() -> read("{\"a\": ", 100)).detail()).startsWith("The body is not valid JSON (line 1");
        assertThat(refused(() -> read("", 100)).detail()).isEqualTo("A JSON object is required as the body");
        assertThat(refused(() -> JsonBodies.read(null, 100)).code()).isEqualTo("malformed-body");
    }

    @Test
    void anObjectInsideAMessageIsCheckedAtItsPath() {
        assertThat(JsonBodies.parse("{\"a\": 1}", 100, "json").getInt("a")).isEqualTo(1);
        assertThat(refused(() -> JsonBodies.parse("[1]", 100, "ops[0].record")).errors())
                .containsExactly(new FieldError("ops[0].record", "must be a JSON object"));
        assertThat(refused(() -> JsonBodies.parse("{}", 1, "json")).code()).isEqualTo("validation-failed");
    }

    private static jakarta.json.JsonObject read(String text, int max) {
        return JsonBodies.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    private static Problem refused(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e.problem();
        }
        throw new AssertionError("not refused");
    }
}
