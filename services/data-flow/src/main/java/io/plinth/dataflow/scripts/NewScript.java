package io.plinth.dataflow.scripts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/scripts}. */
public record NewScript(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
                message = "must be 2 to 63 characters: lower-case letters, digits and dashes, starting with a letter")
        String key,
        @NotNull @Pattern(regexp = "javascript|sql", message = "must be one of: javascript, sql")
        String language,
        @NotBlank @Size(max = Scripts.MAX_SOURCE_CHARS) String source) {
}
