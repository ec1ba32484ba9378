package io.plinth.identity.roles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code PUT /api/roles/{key}}: the role's new name, description and complete set of
 * patterns. {@code version}, when given, must be the role's current version.
 */
public record RoleChanges(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = RolePermissions.MAX) List<String> permissions,
        @PositiveOrZero Long version) {
}
