package io.plinth.identity.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as the REST API shows it. */
public record UserView(UUID id, String login, String displayName, String email, String locale, String timeZone,
                       String status, OffsetDateTime createdAt) {

    static UserView of(PlatformUser user) {
        return new UserView(user.id(), user.login(), user.displayName(), user.email(), user.locale(),
                user.timeZone(), user.status().code(), user.createdAt());
    }
}
