package io.plinth.identity.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/users}; {@code locale} defaults to {@code en}, {@code timeZone} to {@code UTC}. */
public record NewUser(
        @NotBlank @Pattern(regexp = "[a-z0-9._-]{2,64}", flags = Pattern.Flag.CASE_INSENSITIVE,
                message = "must be 2 to 64 characters: letters, digits, '.', '_' and '-'")
        String login,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Email @Size(max = 254) String email,
        @LanguageTag String locale,
        @TimeZoneId String timeZone) {

    public static final String DEFAULT_LOCALE = "en";
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public NewUser {
        locale = locale == null ? DEFAULT_LOCALE : locale;
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    }
}
