package io.plinth.identity.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plinth.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

class VersionTagTest {

    @Test
    void readsStrongAndWeakTags() {
        assertThat(VersionTag.ifMatch("\"3\"")).isEqualTo(3L);
        assertThat(VersionTag.ifMatch(" W/\"12\" ")).isEqualTo(12L);
    }

    @Test
    void absentOrAnyMeansNoCondition() {
        assertThat(VersionTag.ifMatch(null)).isNull();
        assertThat(VersionTag.ifMatch("*")).isNull();
    }

    @Test
    void anythingElseIsA400OnTheHeader() {
        for (String bad : new String[] {"3", "\"x\"", "\"1\", \"2\"", "\"99999999999999999999\""}) {
            ProblemException problem = catchThrowableOfType(ProblemException.class, () -> VersionTag.ifMatch(bad));
            assertThat(problem.problem().errors().get(0).field()).as(bad).isEqualTo("If-Match");
        }
    }
}
