package io.plinth.viewservice.maintenance;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A service's log levels as the API shows them. {@code level} null: the server's default
 * ({@code plinth.log.level}); {@code version} 0: never changed.
 */
public record LogLevelView(String service, @JsonbNillable String level, Map<String, String> loggers, long version,
                           OffsetDateTime updatedAt, String updatedBy) {
}
