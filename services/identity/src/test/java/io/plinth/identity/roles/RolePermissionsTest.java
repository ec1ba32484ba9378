package io.plinth.identity.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolePermissionsTest {

    @Test
    void validPatternsAreKeptOnceAndSorted() {
        assertThat(RolePermissions.check(List.of("view-service:*", "*", "catalogs:app.orders:read", "view-service:*")))
                .containsExactly("*", "catalogs:app.orders:read", "view-service:*");
    }

    @Test
    void noPatternsMeansTheRoleGrantsNothing() {
        assertThat(RolePermissions.check(null)).isEmpty();
        assertThat(RolePermissions.check(List.of())).isEmpty();
    }

    @Test
    void everyInvalidPatternIsNamedByItsPath() {
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> RolePermissions.check(
                Arrays.asList("catalogs:*", "Catalogs:Read", null, "identity::read", "a:b:c:d:e:f", "x:y")));

        assertThat(problem.problem().status()).isEqualTo(400);
        assertThat(problem.problem().errors()).extracting(FieldError::field)
                .containsExactly("permissions[1]", "permissions[2]", "permissions[3]", "permissions[4]");
        assertThat(problem.problem().errors().get(1).message()).isEqualTo("must not be null");
    }
}
