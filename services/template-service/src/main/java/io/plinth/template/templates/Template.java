package io.plinth.template.templates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A document or message template: its text and the media type it renders to. */
@Entity
@Table(name = "template")
public class Template {

    @Id
    private UUID id;

    @Column(name = "template_key", nullable = false, unique = true, length = 63)
    private String key;

    @Column(name = "media_type", nullable = false, length = 32)
    private String mediaType;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Template() {
    }

    public Template(String key, String mediaType, String body) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.mediaType = mediaType;
        this.body = body;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String mediaType() {
        return mediaType;
    }

    public String body() {
        return body;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
