package io.plinth.viewservice.maintenance;

import io.plinth.kernel.logs.LogLevelNames;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PUT /api/log-levels/{service}}: the whole configuration of the service.
 * {@code level} sets its own loggers ({@code io.plinth.*}; absent or null: the server's default),
 * {@code loggers} single loggers and their descendants. Levels: error, warning, info, debug, trace.
 * Read field by field, so a misspelt field is an error rather than a silent reset to defaults.
 */
public record LogLevelChange(String level, Map<String, String> loggers) {

    private static final Set<String> FIELDS = Set.of("level", "loggers");

    public static LogLevelChange of(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(name -> !FIELDS.contains(name)).sorted().limit(10)
                .forEach(name -> errors.add(new FieldError(name.length() > 80 ? name.substring(0, 80) : name,
                        "is not a field of log levels (level, loggers)")));
        String level = null;
        JsonValue levelValue = body.getOrDefault("level", JsonValue.NULL);
        if (levelValue instanceof JsonString text) {
            level = text.getString();
        } else if (levelValue != JsonValue.NULL) {
            errors.add(new FieldError("level", "must be a string or null"));
        }
        Map<String, String> loggers = new LinkedHashMap<>();
        JsonValue loggersValue = body.getOrDefault("loggers", JsonValue.NULL);
        if (loggersValue instanceof JsonObject entries) {
            if (entries.size() > LogLevelNames.MAX_LOGGERS) {
                errors.add(new FieldError("loggers", "must name at most " + LogLevelNames.MAX_LOGGERS + " loggers"));
            } else {
                entries.forEach((name, value) -> loggers.put(name, value instanceof JsonString text ? text.getString() : null));
            }
        } else if (loggersValue != JsonValue.NULL) {
            errors.add(new FieldError("loggers", "must be an object of logger name to level"));
        }
        errors.addAll(LogLevelNames.validate(level, loggers));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new LogLevelChange(level, loggers);
    }
}
