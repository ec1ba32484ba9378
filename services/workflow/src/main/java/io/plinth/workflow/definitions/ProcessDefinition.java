package io.plinth.workflow.definitions;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One version of a state-machine process definition. Versions are immutable: a change is a new
 * row with the next version number, and the highest version of a key is the current one.
 */
@Entity
@Table(name = "process_definition")
public class ProcessDefinition {

    @Id
    private UUID id;

    @Column(name = "definition_key", nullable = false, length = 63)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @Convert(converter = JsonObjectConverter.class)
    @Column(nullable = false, columnDefinition = "jsonb")
    private JsonObject definition;

    /** The definition's version number (1, 2, 3...), not an optimistic lock: rows are never updated. */
    @Column(nullable = false)
    private int version;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected ProcessDefinition() {
    }

    public ProcessDefinition(String key, String name, JsonObject definition, int version) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.name = name;
        this.definition = definition;
        this.version = version;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public JsonObject definition() {
        return definition;
    }

    public int version() {
        return version;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
