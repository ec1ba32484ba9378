package io.plinth.workflow.definitions;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One version of a process definition as the REST API shows it, with its states and transitions. */
public record ProcessDefinitionView(UUID id, String key, String name, int version, JsonObject definition,
                                    OffsetDateTime createdAt) {

    static ProcessDefinitionView of(ProcessDefinition definition) {
        return new ProcessDefinitionView(definition.id(), definition.key(), definition.name(), definition.version(),
                definition.definition(), definition.createdAt());
    }
}
