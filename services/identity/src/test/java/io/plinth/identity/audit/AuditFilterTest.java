package io.plinth.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void noFilterMatchesEverything() {
        AuditFilter.Where where = AuditFilter.of(null, " ", null, null, null, null).where();

        assertThat(where.sql()).isEmpty();
        assertThat(where.values()).isEmpty();
    }

    @Test
    void everyFilterIsABoundCondition() {
        AuditFilter.Where where = AuditFilter.of(" Admin ", "user.created", "user", "bob",
                "2026-01-01T00:00:00Z", "2026-02-01T00:00:00+01:00").where();

        assertThat(where.sql()).isEqualTo(" WHERE actor_login = ? AND action = ? AND target_type = ?"
                + " AND target_id = ? AND at >= ? AND at < ?");
        assertThat(where.values()).containsExactly("admin", "user.created", "user", "bob",
                OffsetDateTime.parse("2026-01-01T00:00:00Z"), OffsetDateTime.parse("2026-02-01T00:00:00+01:00"));
    }

    @Test
    void anActionEndingInAStarIsAPrefix() {
        AuditFilter.Where where = AuditFilter.of(null, "role.*", null, null, null, null).where();

        assertThat(where.sql()).isEqualTo(" WHERE action LIKE ?");
        assertThat(where.values()).containsExactly("role.%");
    }

    @Test
    void badParametersAreNamed() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> AuditFilter.of(
                "x".repeat(401), "user created; drop", null, null, "yesterday", "2026-01-01T00:00:00Z"));

        assertThat(problem.problem().errors()).extracting(FieldError::field).containsExactly("actor", "action", "from");
    }

    @Test
    void theRangeMustNotBeEmpty() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> AuditFilter.of(
                null, null, null, null, "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"));

        assertThat(problem.problem().errors()).extracting(FieldError::field).containsExactly("to");
    }
}
