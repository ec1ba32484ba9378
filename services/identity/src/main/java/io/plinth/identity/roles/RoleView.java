package io.plinth.identity.roles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A role as the REST API shows it, its patterns sorted. */
public record RoleView(UUID id, String key, String name, String description, boolean builtIn, List<String> permissions,
                       OffsetDateTime createdAt, long version) {

    static RoleView of(Role role) {
        return new RoleView(role.id(), role.key(), role.name(), role.description(), role.builtIn(),
                role.permissions().stream().sorted().toList(), role.createdAt(), role.version());
    }
}
