package io.plinth.studio.maintenance;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A service's log levels: {@code level} of its own loggers (null: the server's default),
 * single {@code loggers} with levels of their own, and who changed them last.
 */
public record ServiceLevels(String service, String level, Map<String, String> loggers, long version,
                            OffsetDateTime updatedAt, String updatedBy) implements Serializable {

    public ServiceLevels {
        loggers = Map.copyOf(loggers);
    }

    static ServiceLevels of(JsonObject json) {
        if (Answers.text(json, "service") == null) {
            throw new IllegalArgumentException("log levels without a service");
        }
        Map<String, String> loggers = new TreeMap<>();
        if (json.get("loggers") instanceof JsonObject entries) {
            entries.forEach((name, value) -> {
                if (value instanceof JsonString level) {
                    loggers.put(name, level.getString());
                }
            });
        }
        return new ServiceLevels(Answers.text(json, "service"), Answers.text(json, "level"), loggers,
                Answers.whole(json, "version"), Answers.time(json, "updatedAt"), Answers.text(json, "updatedBy"));
    }

    /** "io.plinth.kernel.bus=trace, ...", sorted by logger. */
    public String loggersText() {
        return new TreeMap<>(loggers).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
