package io.plinth.viewservice.maintenance;

import java.time.OffsetDateTime;

/** A stored log record as {@code GET /api/logs} shows it; absent fields were not known. */
public record LogRecordView(long id, OffsetDateTime time, String service, String instance, String level, String logger,
                            String message, String thread, String traceId, String spanId, String requestId, String user,
                            String exceptionClass, String exceptionMessage, String stackTrace) {
}
