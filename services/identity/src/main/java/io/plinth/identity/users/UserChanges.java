package io.plinth.identity.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/users/{login}}: only the fields present change. {@code version},
 * when given, must be the user's current version (as {@code If-Match} may say instead).
 */
public record UserChanges(
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String displayName,
        @Email @Size(max = 254) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String email,
        @LanguageTag String locale,
        @TimeZoneId String timeZone,
        @PositiveOrZero Long version) {
}
