package io.plinth.identity.groups;

import io.plinth.identity.access.AccessKey;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/groups}; {@code parent} is the key of the group it goes in, or null for a top-level group. */
public record NewGroup(
        @NotBlank @Pattern(regexp = AccessKey.PATTERN, message = AccessKey.MESSAGE) String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = 63) String parent) {
}
