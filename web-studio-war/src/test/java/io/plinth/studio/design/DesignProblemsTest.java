package io.plinth.studio.design;

import static io.plinth.studio.design.DraftDocumentTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.web.api.ApiAnswer.FieldProblem;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignProblemsTest {

    private static final JsonObject SENT = json("""
            {'key': 'a', 'name': 'A', 'types': [
              {'key': 'customer', 'fields': [{'key': 'name', 'type': 'text', 'length': 20000}]},
              {'key': 'order', 'fields': [{'key': 'kind', 'type': 'enum', 'values': ['x', 'X']}]}],
             'access': [{'role': 'clerk', 'type': 'order', 'operations': [], 'rows': [{'field': 'kind', 'op': 'zz'}]}]}""");

    private final DesignProblems problems = DesignProblems.of(List.of(
            new FieldProblem("types[0].fields[0].length", "must be between 1 and 10000"),
            new FieldProblem("types[1].fields[0].values[1]", "must match the enum value syntax"),
            new FieldProblem("access[0].rows[0].op", "must be one of eq, ne"),
            new FieldProblem("access[0].role", "names no role of this app: 'clerk'")), SENT);

    @Test
    void aProblemShowsAtTheInputOfItsPath() {
        assertThat(problems.at("types[0].fields[0].length")).isEqualTo("must be between 1 and 10000");
        assertThat(problems.at("types[0].fields[0].key")).isEmpty();
        assertThat(problems.at("types[0].fields[0]")).as("not at the row of the field").isEmpty();
        assertThat(problems.at("access[0].rows[0].op")).isEqualTo("must be one of eq, ne");
    }

    @Test
    void aProblemWithAnItemShowsAtTheInputOfTheWholeList() {
        assertThat(problems.at("types[1].fields[0].values")).isEqualTo("must match the enum value syntax");
    }

    @Test
    void theSummaryNamesItemsByTheirKeys() {
        assertThat(problems.getSummary()).extracting(DesignProblems.Problem::where).containsExactly(
                "types[customer].fields[name].length", "types[order].fields[kind].values[1]",
                "access[clerk/order].rows[kind].op", "access[clerk/order].role");
    }

    @Test
    void tabsCountTheProblemsWithinThem() {
        assertThat(problems.count("types")).isEqualTo(2);
        assertThat(problems.count("access")).isEqualTo(2);
        assertThat(problems.count("forms")).isZero();
        assertThat(problems.count("types[1]")).isEqualTo(1);
    }

    @Test
    void afterItemsMovedTheProblemsAreOnlyInTheSummary() {
        problems.detach();

        assertThat(problems.at("types[0].fields[0].length")).isEmpty();
        assertThat(problems.getSummary()).hasSize(4);
        assertThat(problems.isAttached()).isFalse();
    }

    @Test
    void pathsBeyondTheDocumentKeepTheirIndexes() {
        assertThat(DesignProblems.where("types[7].fields[0]", SENT)).isEqualTo("types[7].fields[0]");
        assertThat(DesignProblems.where("name", SENT)).isEqualTo("name");
        assertThat(DesignProblems.none().isEmpty()).isTrue();
    }
}
