package io.plinth.viewservice.apps;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/apps}. */
public record NewApp(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
                message = "must be 2 to 63 characters: lower-case letters, digits and dashes, starting with a letter")
        String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description) {
}
