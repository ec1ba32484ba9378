package io.plinth.identity.groups;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/groups/{key}}: the group's new name, description and parent (null:
 * top level). {@code version}, when given, must be the group's current version.
 */
public record GroupChanges(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = 63) String parent,
        @PositiveOrZero Long version) {
}
