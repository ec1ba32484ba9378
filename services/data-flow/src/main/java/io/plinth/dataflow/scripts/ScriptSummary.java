package io.plinth.dataflow.scripts;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A script in a list: without its source, which can be up to 64K characters. */
public record ScriptSummary(UUID id, String key, String language, OffsetDateTime createdAt) {
}
