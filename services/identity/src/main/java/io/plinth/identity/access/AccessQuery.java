package io.plinth.identity.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves a user's effective access in one statement: a recursive walk up from the user's
 * groups to every ancestor, the roles of the user and of those groups, and their patterns.
 */
final class AccessQuery {

    private final String sql;

    /** @param schema the quoted schema of identity's tables, e.g. {@code "identity"} */
    AccessQuery(String schema) {
        // UNION (not UNION ALL) in the walk keeps each group once, so it ends even on a cycle.
        sql = """
                WITH RECURSIVE member_of(id) AS (
                    SELECT m.group_id FROM %1$s.group_member m WHERE m.user_id = ?
                  UNION
                    SELECT g.parent_id FROM %1$s.user_group g JOIN member_of ON g.id = member_of.id
                    WHERE g.parent_id IS NOT NULL
                ),
                holds(id) AS (
                    SELECT r.role_id FROM %1$s.user_role r WHERE r.user_id = ?
                  UNION
                    SELECT r.role_id FROM %1$s.group_role r JOIN member_of ON r.group_id = member_of.id
                )
                SELECT 'g', g.group_key FROM %1$s.user_group g JOIN member_of ON g.id = member_of.id
                UNION
                SELECT 'r', r.role_key FROM %1$s.platform_role r JOIN holds ON r.id = holds.id
                UNION
                SELECT 'p', p.pattern FROM %1$s.role_permission p JOIN holds ON p.role_id = holds.id
                """.formatted(schema);
    }

    Access run(Connection connection, UUID userId) throws SQLException {
        Set<String> groups = new HashSet<>();
        Set<String> roles = new HashSet<>();
        Set<String> permissions = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, userId);
            query.setObject(2, userId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getString(1)) {
                        case "g" -> groups.add(rows.getString(2));
                        case "r" -> roles.add(rows.getString(2));
                        default -> permissions.add(rows.getString(2));
                    }
                }
            }
        }
        return new Access(groups, roles, permissions);
    }
}
