package io.plinth.identity.access;

import java.util.Set;

/**
 * What a user may do, as the access token carries it: the keys of the user's groups and of all
 * their ancestors, the keys of the roles assigned directly or through any of those groups, and the
 * permission patterns those roles grant.
 */
public record Access(Set<String> groups, Set<String> roles, Set<String> permissions) {

    public Access {
        groups = Set.copyOf(groups);
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }
}
