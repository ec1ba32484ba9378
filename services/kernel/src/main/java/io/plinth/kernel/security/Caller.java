package io.plinth.kernel.security;

import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.time.Instant;
import java.util.Set;

/**
 * Who a request acts for, as the platform access token says: the user (its id and login), the
 * effective roles, the groups, the tenant if any, and the permission patterns the roles grant.
 * {@code sessionId} names the sign-in the token belongs to; {@code tokenId} is the token's own id.
 */
public record Caller(String userId, String login, Set<String> roles, Set<String> groups, Set<String> permissions,
                     String tenant, String sessionId, String tokenId, Instant expiresAt) {

    public Caller {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
        permissions = Set.copyOf(permissions);
    }

    /** Whether one of the caller's permission patterns grants {@code permission}. */
    public boolean may(String permission) {
        return Permissions.grants(permissions, permission);
    }

    /** Throws a 403 problem naming {@code permission} unless the caller holds it. */
    public void require(String permission) {
        if (!may(permission)) {
            throw forbidden(permission);
        }
    }

    static ProblemException forbidden(String permission) {
        return new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                "This needs the permission '" + permission + "', which none of your roles grants"));
    }
}
