package io.plinth.catalogs.access;

import io.plinth.catalogs.storage.SqlLiterals;
import io.plinth.kernel.security.Caller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes the rest of a transaction act for a caller under row-level security: {@code SET LOCAL
 * ROLE plinth_records} (a role that owns nothing and is no superuser, so every policy applies even
 * when the service connects as a superuser) and the caller's id, roles, groups and tenant as
 * transaction-local settings, which the policies read with {@code current_setting}. Both end with
 * the transaction, so a pooled connection never carries them on.
 */
public final class CallerScope {

    /** The database role user requests run as (created by db/catalogs/003-records.xml). */
    public static final String ROLE = "plinth_records";

    // Plain calls of the stable current_setting(), not scalar subqueries: the planner folds them
    // when it estimates, so a policy's `owner = <caller>` is estimated from the column's statistics
    // (a subquery's value is unknown when planning, and a page over a million rows was planned as
    // if one row matched: a full sort instead of walking the sort column's index).
    static final String USER_ID_TEXT = "current_setting('plinth.user_id', true)";
    static final String USER_ID_UUID = "nullif(current_setting('plinth.user_id', true), '')::uuid";
    static final String USER_GROUPS =
            "coalesce(string_to_array(current_setting('plinth.user_groups', true), ','), '{}')::text[]";
    static final String USER_ROLES =
            "coalesce(string_to_array(current_setting('plinth.user_roles', true), ','), '{}')::text[]";
    /** The caller's tenant, '' for none: the column is never null, so `tenant = ...` is estimated from statistics. */
    static final String TENANT = "coalesce(current_setting('plinth.tenant', true), '')";

    /** Role and group keys as identity gives them; anything else (a comma above all) never reaches a setting. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private CallerScope() {
    }

    /**
     * Enters the caller's scope on a connection inside a transaction. Outside one (auto-commit),
     * {@code SET LOCAL} does nothing and the statements would run as the service's own user: the
     * check that {@code current_user} is now {@code plinth_records} refuses that. (A JTA connection
     * may report auto-commit until its first statement enlists it, so that flag proves nothing.)
     */
    public static void enter(Connection connection, Caller caller) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL ROLE " + ROLE);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT current_user,"
                + " set_config('plinth.user_id', ?, true), set_config('plinth.user_roles', ?, true),"
                + " set_config('plinth.user_groups', ?, true), set_config('plinth.tenant', ?, true)")) {
            String id = caller.userId() == null ? "" : caller.userId().toLowerCase(Locale.ROOT);
            statement.setString(1, UUID_TEXT.matcher(id).matches() ? id : "");
            statement.setString(2, keys(caller.roles()));
            statement.setString(3, keys(caller.groups()));
            statement.setString(4, caller.tenant() == null ? "" : caller.tenant());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next() || !ROLE.equals(row.getString(1))) {
                    throw new IllegalStateException("The transaction does not run as " + ROLE);
                }
            }
        }
    }

    static String keys(Collection<String> keys) {
        return keys.stream().filter(k -> KEY.matcher(k).matches()).sorted().collect(Collectors.joining(","));
    }

    /** {@code 'role' = ANY (the caller's roles)}. */
    static String holdsRole(String role) {
        return SqlLiterals.string(role) + " = ANY (" + USER_ROLES + ")";
    }
}
