package io.plinth.identity.audit;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An audit entry as the REST API shows it; the actor is null for work the platform did by itself. */
public record AuditEntryView(UUID id, OffsetDateTime at, UUID actorId, String actorLogin, String action,
                             String targetType, String targetId, JsonObject details, String clientAddress,
                             String requestId) {
}
