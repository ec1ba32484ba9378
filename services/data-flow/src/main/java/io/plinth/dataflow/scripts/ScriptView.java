package io.plinth.dataflow.scripts;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A script as {@code GET /api/scripts/{key}} shows it, source included. */
public record ScriptView(UUID id, String key, String language, String source, OffsetDateTime createdAt) {

    static ScriptView of(Script script) {
        return new ScriptView(script.id(), script.key(), script.language(), script.source(), script.createdAt());
    }
}
