package io.plinth.viewservice.maintenance;

import io.plinth.kernel.logs.LogBatch;
import io.plinth.kernel.logs.LogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes shipped log batches into {@code maintenance.log_record} with JDBC batch inserts, one
 * transaction per batch, and deletes records past their retention.
 */
@ApplicationScoped
public class LogRecordStore {

    private static final String INSERT = "INSERT INTO maintenance.log_record (logged_at, service, instance, level, logger,"
            + " message, thread, trace_id, span_id, request_id, user_login, exception_class, exception_message, stack_trace)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int DELETE_CHUNK = 5000;

    @Inject
    DataSource dataSource;

    /**
     * Stores the batch unless a batch with this id was stored before (the sender sends a batch
     * again when the broker's confirm was lost).
     *
     * @return false for such a duplicate
     */
    public boolean save(UUID batchId, LogBatch batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean fresh = claim(connection, batchId);
                if (fresh && !batch.entries().isEmpty()) {
                    insert(connection, batch);
                }
                connection.commit();
                return fresh;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static boolean claim(Connection connection, UUID batchId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO maintenance.log_batch (id) VALUES (?) ON CONFLICT DO NOTHING")) {
            statement.setObject(1, batchId);
            return statement.executeUpdate() == 1;
        }
    }

    private static void insert(Connection connection, LogBatch batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (LogEntry entry : batch.entries()) {
                statement.setTimestamp(1, Timestamp.from(entry.time()));
                statement.setString(2, batch.service());
                statement.setString(3, batch.instance());
                statement.setString(4, entry.level());
                statement.setString(5, entry.logger());
                statement.setString(6, entry.message());
                statement.setString(7, entry.thread());
                statement.setString(8, entry.traceId());
                statement.setString(9, entry.spanId());
                statement.setString(10, entry.requestId());
                statement.setString(11, entry.user());
                statement.setString(12, entry.exceptionClass());
                statement.setString(13, entry.exceptionMessage());
                statement.setString(14, entry.stackTrace());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Deletes records logged before {@code cutoff} (and the ids of batches received before it), in
     * chunks so no statement holds locks for long. One replica at a time does it.
     *
     * @return the records deleted, or -1 when another replica is at it
     */
    public long deleteOlderThan(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return -1;
            }
            try {
                long deleted = 0;
                int chunk;
                do {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "DELETE FROM maintenance.log_record WHERE id IN (SELECT id FROM maintenance.log_record"
                                    + " WHERE logged_at < ? LIMIT " + DELETE_CHUNK + ")")) {
                        statement.setTimestamp(1, Timestamp.from(cutoff));
                        chunk = statement.executeUpdate();
                        deleted += chunk;
                    }
                } while (chunk == DELETE_CHUNK);
                try (PreparedStatement statement = connection.prepareStatement(
                        "DELETE FROM maintenance.log_batch WHERE received_at < ?")) {
                    statement.setTimestamp(1, Timestamp.from(cutoff));
                    statement.executeUpdate();
                }
                return deleted;
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(hashtext('plinth-maintenance:log-retention'))");
             ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }
}
