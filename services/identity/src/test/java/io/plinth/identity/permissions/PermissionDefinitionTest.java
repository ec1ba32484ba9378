package io.plinth.identity.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plinth.contracts.identity.v1.RegisterPermissionsRequest;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionDefinitionTest {

    @Test
    void theServiceDefaultsToTheNamesFirstSegment() {
        List<FieldError> errors = new ArrayList<>();

        PermissionDefinition definition = PermissionDefinition.checked("", "catalogs:app.orders:read",
                "  Read orders ", "", errors);

        assertThat(errors).isEmpty();
        assertThat(definition).isEqualTo(new PermissionDefinition("catalogs:app.orders:read", "Read orders", "catalogs"));
    }

    @Test
    void anInvalidDefinitionNamesEachField() {
        List<FieldError> errors = new ArrayList<>();

        assertThat(PermissionDefinition.checked("p.", "catalogs:*", " ", "Catalogs", errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("p.name", "p.description", "p.service");
        assertThat(PermissionDefinition.checked("", "a:b", "x".repeat(501), null, errors)).isNull();
        assertThat(errors.get(3).field()).isEqualTo("description");
    }

    @Test
    void aBatchIsCheckedWholeBeforeAnythingIsWritten() {
        RegisterPermissionsRequest request = RegisterPermissionsRequest.newBuilder()
                .addPermissions(definition("catalogs:app.orders:read", "Read orders"))
                .addPermissions(definition("catalogs:app.orders:*", "Everything"))
                .addPermissions(definition("catalogs:app.orders:read", "Again"))
                .build();

        ProblemException problem = catchThrowableOfType(ProblemException.class,
                () -> PermissionGrpcService.definitions(request));

        assertThat(problem.problem().errors()).extracting(FieldError::field)
                .containsExactly("permissions[1].name", "permissions[2].name");
        assertThat(problem.problem().errors().get(1).message()).isEqualTo("is given more than once");
    }

    @Test
    void aValidBatchGivesEveryDefinition() {
        RegisterPermissionsRequest request = RegisterPermissionsRequest.newBuilder()
                .addPermissions(definition("catalogs:app.orders:read", "Read orders"))
                .addPermissions(definition("catalogs:app.orders:write", "Change orders"))
                .build();

        assertThat(PermissionGrpcService.definitions(request)).extracting(PermissionDefinition::name)
                .containsExactly("catalogs:app.orders:read", "catalogs:app.orders:write");
    }

    private static io.plinth.contracts.identity.v1.PermissionDefinition definition(String name, String description) {
        return io.plinth.contracts.identity.v1.PermissionDefinition.newBuilder()
                .setName(name).setDescription(description).build();
    }
}
