package io.plinth.identity.audit;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What to look for in the audit log: the actor's login, the action ({@code user.created}, or a
 * prefix ending in {@code *} such as {@code role.*}), the target's type and id, and a time range
 * ({@code from} inclusive, {@code to} exclusive). Absent parts match everything.
 */
public record AuditFilter(String actor, String action, String targetType, String targetId, OffsetDateTime from,
                          OffsetDateTime to) {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(\\.\\*|\\*)?");
    private static final int MAX_CHARS = 400;

    /** Reads the query parameters, answering 400 with every invalid one named. */
    public static AuditFilter of(String actor, String action, String targetType, String targetId, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        size(errors, "actor", actor);
        size(errors, "targetType", targetType);
        size(errors, "targetId", targetId);
        if (action != null && !action.isBlank() && (action.length() > 100 || !ACTION.matcher(action.strip()).matches())) {
            errors.add(new FieldError("action", "must be an action such as user.created, or a prefix such as role.*"));
        }
        OffsetDateTime start = time(errors, "from", from);
        OffsetDateTime end = time(errors, "to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new AuditFilter(blankToNull(actor) == null ? null : actor.strip().toLowerCase(Locale.ROOT),
                blankToNull(action), blankToNull(targetType), blankToNull(targetId), start, end);
    }

    /** The SQL condition (with a leading {@code WHERE}, or empty) and its parameters, in order. */
    Where where() {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (actor != null) {
            conditions.add("actor_login = ?");
            values.add(actor);
        }
        if (action != null) {
            if (action.endsWith("*")) {
                conditions.add("action LIKE ?");
                // An action holds no '%' or '_' (see ACTION), so the prefix needs no escaping.
                values.add(action.substring(0, action.length() - 1) + "%");
            } else {
                conditions.add("action = ?");
                values.add(action);
            }
        }
        if (targetType != null) {
            conditions.add("target_type = ?");
            values.add(targetType);
        }
        if (targetId != null) {
            conditions.add("target_id = ?");
            values.add(targetId);
        }
        if (from != null) {
            conditions.add("at >= ?");
            values.add(from);
        }
        if (to != null) {
            conditions.add("at < ?");
            values.add(to);
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), values);
    }

    record Where(String sql, List<Object> values) {

        /** Binds the values from the first parameter on; answers the index of the next free one. */
        int bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            return index;
        }
    }

    private static void size(List<FieldError> errors, String field, String value) {
        if (value != null && value.length() > MAX_CHARS) {
            errors.add(new FieldError(field, "must be at most " + MAX_CHARS + " characters"));
        }
    }

    private static OffsetDateTime time(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date and time with offset, such as 2026-01-31T12:00:00Z"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
