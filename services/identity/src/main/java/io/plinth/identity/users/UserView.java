package io.plinth.identity.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as the REST API shows it; {@code version} is what {@code If-Match} or a change's {@code version} names. */
public record UserView(UUID id, String login, String displayName, String email, String locale, String timeZone,
                       String status, OffsetDateTime createdAt, long version) {

    public static UserView of(PlatformUser user) {
        return new UserView(user.id(), user.login(), user.displayName(), user.email(), user.locale(),
                user.timeZone(), user.status().code(), user.createdAt(), user.version());
    }
}
