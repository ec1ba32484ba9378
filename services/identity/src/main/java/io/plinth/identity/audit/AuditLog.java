package io.plinth.identity.audit;

import io.plinth.kernel.db.ServiceSchemas;
import io.plinth.kernel.logging.RequestContext;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.Caller;
import io.plinth.kernel.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Who changed what, when and from where. An entry is written in the caller's transaction, so it
 * exists exactly when the change it describes does.
 */
@ApplicationScoped
public class AuditLog {

    static final int MAX_LOGIN = 64;
    static final int MAX_CLIENT_ADDRESS = 64;
    static final int MAX_TARGET_ID = 400;

    @Inject
    DataSource dataSource;

    @Inject
    ServiceSchemas schemas;

    /**
     * Records {@code action} (e.g. {@code user.created}) on the target for the current caller
     * ({@link Callers#current()}; none for work the system does by itself), with the request id
     * and client address of the work on this thread.
     */
    @Transactional
    public void record(String action, String targetType, String targetId, JsonObject details) {
        Caller caller = Callers.current().orElse(null);
        String sql = "INSERT INTO " + schemas.table("audit_entry")
                + " (id, at, actor_id, actor_login, action, target_type, target_id, details, client_address, request_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.randomUUID());
            statement.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
            statement.setObject(3, caller == null ? null : userId(caller.userId()));
            statement.setString(4, caller == null ? null : clip(caller.login(), MAX_LOGIN));
            statement.setString(5, action);
            statement.setString(6, targetType);
            statement.setString(7, clip(targetId, MAX_TARGET_ID));
            statement.setString(8, (details == null ? JsonObject.EMPTY_JSON_OBJECT : details).toString());
            statement.setString(9, clip(RequestContext.clientAddress(), MAX_CLIENT_ADDRESS));
            statement.setString(10, RequestContext.requestId());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit entry " + action + " " + targetType + " "
                    + targetId, e);
        }
    }

    /** Entries matching {@code filter}, newest first. */
    public Page<AuditEntryView> find(AuditFilter filter, PageRequest page) {
        AuditFilter.Where where = filter.where();
        String table = schemas.table("audit_entry");
        List<AuditEntryView> items = new ArrayList<>();
        long total;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, at, actor_id, actor_login, action, target_type, target_id, details::text,"
                            + " client_address, request_id FROM " + table + where.sql()
                            + " ORDER BY at DESC, id DESC OFFSET ? LIMIT ?")) {
                int next = where.bind(query);
                query.setInt(next, page.offset());
                query.setInt(next + 1, page.limit());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        items.add(entry(rows));
                    }
                }
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + table + where.sql())) {
                where.bind(count);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    private static AuditEntryView entry(ResultSet row) throws SQLException {
        JsonObject details;
        try (JsonReader reader = Json.createReader(new StringReader(row.getString(8)))) {
            details = reader.readObject();
        }
        return new AuditEntryView(row.getObject(1, UUID.class), row.getObject(2, OffsetDateTime.class)
                .withOffsetSameInstant(ZoneOffset.UTC), row.getObject(3, UUID.class), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), details, row.getString(9), row.getString(10));
    }

    /** Platform user ids are UUIDs; a token for something else (a service) is logged by its login only. */
    private static UUID userId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
