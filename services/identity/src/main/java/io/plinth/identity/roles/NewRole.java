package io.plinth.identity.roles;

import io.plinth.identity.access.AccessKey;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/roles}: {@code permissions} are the patterns the role grants (none when absent). */
public record NewRole(
        @NotBlank @Pattern(regexp = AccessKey.PATTERN, message = AccessKey.MESSAGE) String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = RolePermissions.MAX) List<String> permissions) {
}
