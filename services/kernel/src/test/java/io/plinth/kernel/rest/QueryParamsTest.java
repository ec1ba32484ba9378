package io.plinth.kernel.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void aFlagIsTrueFalseOrItsDefault() {
        assertThat(QueryParams.flag("dryRun", "true", false)).isTrue();
        assertThat(QueryParams.flag("dryRun", "false", true)).isFalse();
        assertThat(QueryParams.flag("dryRun", null, true)).isTrue();
        assertThat(QueryParams.flag("dryRun", null, false)).isFalse();
    }

    @Test
    void anythingElseIsAFlagIsRefusedWithTheParameterNamed() {
        for (String value : new String[] {"yes", "1", "TRUE", ""}) {
            assertThatThrownBy(() -> QueryParams.flag("dryRun", value, false))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().errors()).singleElement()
                                .satisfies(error -> assertThat(error.field()).isEqualTo("dryRun"));
                    });
        }
    }

    @Test
    void aWholeNumberMustBeInItsRange() {
        assertThat(QueryParams.wholeNumber("version", "7", 1, Long.MAX_VALUE)).isEqualTo(7L);
        assertThat(QueryParams.wholeNumber("version", null, 1, Long.MAX_VALUE)).isNull();
        assertThatThrownBy(() -> QueryParams.wholeNumber("version", "0", 1, Long.MAX_VALUE))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> QueryParams.wholeNumber("limit", "501", 1, 500))
                .hasMessageContaining("from 1 to 500");
        assertThatThrownBy(() -> QueryParams.wholeNumber("version", "1; DROP TABLE x", 1, Long.MAX_VALUE))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> QueryParams.wholeNumber("version", "99999999999999999999", 1, Long.MAX_VALUE))
                .isInstanceOf(ProblemException.class);
    }
}
