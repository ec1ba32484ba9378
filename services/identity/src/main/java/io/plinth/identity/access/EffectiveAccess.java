package io.plinth.identity.access;

import io.plinth.kernel.db.ServiceSchemas;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A user's effective groups, roles and permissions, read fresh from the database in one query
 * (in the caller's transaction when there is one). A user with no groups or roles, or no user
 * at all, has empty access: whether the user may sign in is the caller's question.
 */
@ApplicationScoped
public class EffectiveAccess {

    @Inject
    DataSource dataSource;

    @Inject
    ServiceSchemas schemas;

    private AccessQuery query;

    @PostConstruct
    void prepare() {
        query = new AccessQuery(ServiceSchemas.quote(schemas.primary()));
    }

    public Access of(UUID userId) {
        try (Connection connection = dataSource.getConnection()) {
            return query.run(connection, userId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resolve the access of user " + userId, e);
        }
    }
}
