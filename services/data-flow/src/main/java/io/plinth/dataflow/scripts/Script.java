package io.plinth.dataflow.scripts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A stored data script: its key, the language it is written in and its source. */
@Entity
@Table(name = "script")
public class Script {

    @Id
    private UUID id;

    @Column(name = "script_key", nullable = false, unique = true, length = 63)
    private String key;

    @Column(nullable = false, length = 20)
    private String language;

    @Column(nullable = false)
    private String source;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Script() {
    }

    public Script(String key, String language, String source) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.language = language;
        this.source = source;
        // PostgreSQL keeps microseconds: the answer to the create shows what a later read will.
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String language() {
        return language;
    }

    public String source() {
        return source;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
