package io.plinth.kernel.logs;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;

/**
 * The log levels stored for one service in view-service: the level of its own loggers
 * ({@code io.plinth.*}; null for the server's {@code plinth.log.level}), levels of single loggers
 * and their descendants, and a version that grows with every change, so an instance never goes
 * back to older levels when a reply and a change event cross.
 *
 * @param level the level of {@code io.plinth.*}, or null for the server's default
 * @param loggers logger name to level, the most specific name winning
 * @param version 0 when nothing was ever stored, -1 before an instance knows anything
 */
public record LogLevelConfig(Level level, Map<String, Level> loggers, long version) {

    public static final String PLATFORM_LOGGERS = "io.plinth";
    public static final LogLevelConfig UNKNOWN = new LogLevelConfig(null, Map.of(), -1);

    public LogLevelConfig {
        loggers = Map.copyOf(loggers);
    }

    /** Whether levels were ever stored for the service (a reset to defaults counts as stored). */
    public boolean configured() {
        return version > 0;
    }

    /** The level of the most specific logger entry covering {@code logger}, or null. */
    public Level override(String logger) {
        String best = null;
        for (String name : loggers.keySet()) {
            if (LogLevelNames.within(logger, name) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best == null ? null : loggers.get(best);
    }

    /**
     * The level this service wants {@code logger} to log at: an entry for it, else for the
     * platform's loggers the service level (or {@code serverDefault}), else null (no opinion).
     */
    public Level wanted(String logger, Level serverDefault) {
        Level override = override(logger);
        if (override != null) {
            return override;
        }
        if (LogLevelNames.within(logger, PLATFORM_LOGGERS)) {
            return level == null ? serverDefault : level;
        }
        return null;
    }

    /** The least severe level shipped from {@code logger}: as {@link #wanted}, WARNING for libraries. */
    public Level shippedFrom(String logger, Level serverDefault) {
        Level wanted = wanted(logger, serverDefault);
        return wanted == null ? Level.WARNING : wanted;
    }

    /** The wire form of the change event and of view-service's reply to a level request. */
    public JsonObject toJson(String service) {
        JsonObjectBuilder entries = Json.createObjectBuilder();
        new TreeMap<>(loggers).forEach((name, value) -> entries.add(name, LogLevelNames.nameOf(value)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("service", service);
        if (level == null) {
            json.addNull("level");
        } else {
            json.add("level", LogLevelNames.nameOf(level));
        }
        return json.add("loggers", entries).add("version", version).build();
    }

    /** Reads the wire form, skipping entries that are not valid (they were validated when stored). */
    public static LogLevelConfig fromJson(JsonObject json) {
        Level level = json.get("level") instanceof JsonString name ? LogLevelNames.parse(name.getString()).orElse(null) : null;
        Map<String, Level> loggers = new TreeMap<>();
        if (json.get("loggers") instanceof JsonObject entries) {
            for (Map.Entry<String, JsonValue> entry : entries.entrySet()) {
                if (LogLevelNames.isLoggerName(entry.getKey()) && entry.getValue() instanceof JsonString name) {
                    LogLevelNames.parse(name.getString()).ifPresent(value -> loggers.put(entry.getKey(), value));
                }
                if (loggers.size() == LogLevelNames.MAX_LOGGERS) {
                    break;
                }
            }
        }
        long version = json.get("version") instanceof JsonNumber number ? number.longValue() : 0;
        return new LogLevelConfig(level, loggers, version);
    }
}
