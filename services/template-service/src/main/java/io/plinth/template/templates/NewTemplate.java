package io.plinth.template.templates;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/templates}. */
public record NewTemplate(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
                message = "must be 2 to 63 characters: lower-case letters, digits and dashes, starting with a letter")
        String key,
        @NotNull @Pattern(regexp = "text/plain|text/html|text/markdown",
                message = "must be one of text/plain, text/html, text/markdown")
        String mediaType,
        @NotNull @Size(max = NewTemplate.MAX_BODY_CHARS) String body) {

    /** The largest template body, in characters; the table's check constraint says the same. */
    public static final int MAX_BODY_CHARS = 262_144;
}
