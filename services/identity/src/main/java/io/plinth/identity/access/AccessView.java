package io.plinth.identity.access;

import java.util.List;
import java.util.UUID;

/** A user's effective access as the REST API shows it, each list sorted. */
public record AccessView(UUID userId, String login, List<String> groups, List<String> roles, List<String> permissions) {

    public static AccessView of(UUID userId, String login, Access access) {
        return new AccessView(userId, login, access.groups().stream().sorted().toList(),
                access.roles().stream().sorted().toList(), access.permissions().stream().sorted().toList());
    }
}
