package io.plinth.workflow.definitions;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A process definition in a list: which version is current, without its (possibly large) document. */
public record ProcessDefinitionSummary(UUID id, String key, String name, int version, OffsetDateTime createdAt) {
}
