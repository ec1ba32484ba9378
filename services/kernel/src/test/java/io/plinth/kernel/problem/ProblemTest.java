package io.plinth.kernel.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void validationProblemListsFieldPathsInRfc9457Shape() {
        Problem problem = Problem.validation(List.of(new FieldError("fields[2].key", "must not be blank"),
                new FieldError("name", "must be at most 200 characters")));

        JsonObject json = Json.createReader(new StringReader(problem.toJson("/api/apps", "req-1"))).readObject();

        assertThat(json.getInt("status")).isEqualTo(400);
        assertThat(json.getString("code")).isEqualTo("validation-failed");
        assertThat(json.getString("type")).endsWith("/validation-failed");
        assertThat(json.getString("instance")).isEqualTo("/api/apps");
        assertThat(json.getString("requestId")).isEqualTo("req-1");
        assertThat(json.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("fields[2].key");
        assertThat(json.getString("detail")).isEqualTo("2 fields are not valid");
    }

    @Test
    void notFoundNamesWhatIsMissing() {
        Problem problem = ProblemException.notFound("App", "crm").problem();

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.detail()).isEqualTo("App 'crm' does not exist");
        assertThat(problem.toJson(null, null)).doesNotContain("errors", "instance");
    }
}
