package io.plinth.viewservice.maintenance;

import io.plinth.kernel.logs.LogLevelNames;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/logs}, checked. Every filter is optional; together they all apply.
 *
 * @param level the minimum level: {@code warning} finds warnings and errors
 * @param from records logged at or after (ISO-8601 with offset)
 * @param to records logged before
 * @param text part of the message, any case
 * @param logger a logger and its descendants
 */
public record LogFilter(String service, String level, OffsetDateTime from, OffsetDateTime to, String text,
                        String traceId, String logger, String user, String requestId) {

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public static LogFilter of(String service, String level, String from, String to, String text, String traceId,
                               String logger, String user, String requestId) {
        List<FieldError> errors = new ArrayList<>();
        if (service != null && !SERVICE.matcher(service).matches()) {
            errors.add(new FieldError("service", "is not a service name"));
        }
        String minimum = level == null ? null : level.strip().toLowerCase(Locale.ROOT);
        if (minimum != null && LogLevelNames.parse(minimum).isEmpty()) {
            errors.add(new FieldError("level", "must be one of " + String.join(", ", LogLevelNames.names())));
        }
        OffsetDateTime since = time("from", from, errors);
        OffsetDateTime until = time("to", to, errors);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add(new FieldError("to", "must be later than from"));
        }
        if (text != null && (text.isEmpty() || text.length() > 200)) {
            errors.add(new FieldError("text", "must be 1 to 200 characters"));
        }
        String trace = traceId == null ? null : traceId.toLowerCase(Locale.ROOT);
        if (trace != null && !TRACE_ID.matcher(trace).matches()) {
            errors.add(new FieldError("traceId", "must be 32 hexadecimal digits"));
        }
        if (logger != null && !LogLevelNames.isLoggerName(logger)) {
            errors.add(new FieldError("logger", "is not a logger name"));
        }
        if (user != null && (user.isBlank() || user.length() > 300)) {
            errors.add(new FieldError("user", "must be 1 to 300 characters"));
        }
        if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
            errors.add(new FieldError("requestId", "is not a request id"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new LogFilter(service, minimum, since, until, text, trace, logger, user, requestId);
    }

    private static OffsetDateTime time(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 time with offset, such as 2026-11-27T10:15:00Z"));
            return null;
        }
    }

    /** The SQL condition, its parameters appended to {@code parameters}. */
    String where(List<Object> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE true");
        if (service != null) {
            sql.append(" AND service = ?");
            parameters.add(service);
        }
        if (level != null) {
            List<String> levels = LogLevelNames.atLeast(level);
            sql.append(" AND level IN (").append(String.join(", ", levels.stream().map(name -> "?").toList())).append(')');
            parameters.addAll(levels);
        }
        if (from != null) {
            sql.append(" AND logged_at >= ?");
            parameters.add(from);
        }
        if (to != null) {
            sql.append(" AND logged_at < ?");
            parameters.add(to);
        }
        if (text != null) {
            sql.append(" AND strpos(lower(message), lower(?)) > 0");
            parameters.add(text);
        }
        if (traceId != null) {
            sql.append(" AND trace_id = ?");
            parameters.add(traceId);
        }
        if (logger != null) {
            sql.append(" AND (logger = ? OR starts_with(logger, ?))");
            parameters.add(logger);
            parameters.add(logger + ".");
        }
        if (user != null) {
            sql.append(" AND user_login = ?");
            parameters.add(user);
        }
        if (requestId != null) {
            sql.append(" AND request_id = ?");
            parameters.add(requestId);
        }
        return sql.toString();
    }
}
