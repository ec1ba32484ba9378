package io.plinth.studio.maintenance;

import io.plinth.studio.web.Answers;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A stored log record as {@code GET /api/logs} shows it; members the service did not know are null. */
public record LogRecord(long id, OffsetDateTime time, String service, String instance, String level, String logger,
                        String message, String thread, String traceId, String requestId, String user,
                        String exceptionClass, String exceptionMessage, String stackTrace) implements Serializable {

    static LogRecord of(JsonObject json) {
        OffsetDateTime time = Answers.time(json, "time");
        if (time == null || Answers.text(json, "service") == null) {
            throw new IllegalArgumentException("a log record without time or service");
        }
        return new LogRecord(Answers.whole(json, "id"), time, Answers.text(json, "service"),
                Answers.text(json, "instance"), Answers.text(json, "level"), Answers.text(json, "logger"),
                Answers.text(json, "message"), Answers.text(json, "thread"), Answers.text(json, "traceId"),
                Answers.text(json, "requestId"), Answers.text(json, "user"), Answers.text(json, "exceptionClass"),
                Answers.text(json, "exceptionMessage"), Answers.text(json, "stackTrace"));
    }
}
