package io.plinth.workflow.definitions;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/process-definitions}. The definition is taken as any JSON value so
 * that a non-object gets a field error from {@link StateMachineRules}, not a "malformed body".
 */
public record NewProcessDefinition(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
                message = "must be 2 to 63 characters: lower-case letters, digits and dashes, starting with a letter")
        String key,
        @NotBlank @Size(max = 200) String name,
        @NotNull JsonValue definition) {
}
