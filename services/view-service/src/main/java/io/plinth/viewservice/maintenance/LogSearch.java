package io.plinth.viewservice.maintenance;

import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Finds stored log records, newest first. Paging is by offset; records keep arriving, so a client
 * paging through a list pins {@code to} to the time of its first page's newest record.
 */
@ApplicationScoped
public class LogSearch {

    private static final String COLUMNS = "id, logged_at, service, instance, level, logger, message, thread, trace_id,"
            + " span_id, request_id, user_login, exception_class, exception_message, stack_trace";

    @Inject
    DataSource dataSource;

    public Page<LogRecordView> find(LogFilter filter, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        try (Connection connection = dataSource.getConnection()) {
            List<LogRecordView> items = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT " + COLUMNS + " FROM maintenance.log_record"
                    + where + " ORDER BY logged_at DESC, id DESC LIMIT " + page.limit() + " OFFSET " + page.offset(),
                    parameters);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(view(rows));
                }
            }
            try (PreparedStatement count = prepare(connection, "SELECT count(*) FROM maintenance.log_record" + where,
                    parameters);
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                return new Page<>(items, page.offset(), page.limit(), rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search the log records", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static LogRecordView view(ResultSet rows) throws SQLException {
        return new LogRecordView(rows.getLong(1), rows.getObject(2, OffsetDateTime.class), rows.getString(3),
                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12), rows.getString(13),
                rows.getString(14), rows.getString(15));
    }
}
