package io.plinth.viewservice.apps;

import io.plinth.viewservice.apps.model.ModelDocuments;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * An application built in the platform: its identity, its draft model (edited freely) and which of
 * its published versions ({@link AppVersion}) is active. Name, description and icon mirror the draft.
 */
@Entity
@Table(name = "app")
public class App {

    @Id
    private UUID id;

    @Column(name = "app_key", nullable = false, unique = true, length = 63, updatable = false)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(length = 100)
    private String icon;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", length = 200, updatable = false)
    private String createdBy;

    @Column(name = "active_version")
    private Integer activeVersion;

    @Column(name = "latest_version")
    private Integer latestVersion;

    @Column(nullable = false, columnDefinition = "text")
    private String draft;

    @Column(name = "draft_revision", nullable = false)
    private long draftRevision;

    @Column(name = "draft_updated_at", nullable = false)
    private OffsetDateTime draftUpdatedAt;

    @Column(name = "draft_updated_by", length = 200)
    private String draftUpdatedBy;

    /** Filled by the database; what publications of this app lock on. */
    @Column(name = "lock_id", insertable = false, updatable = false)
    private Integer lockId;

    @Version
    private long version;

    protected App() {
    }

    /** A new app whose draft is {@code model} (a valid, normalised model). */
    public App(JsonObject model, String createdBy) {
        this.id = UUID.randomUUID();
        this.key = model.getString("key");
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.createdBy = createdBy;
        this.draftRevision = 0;
        saveDraft(model, createdBy);
    }

    /** Replaces the draft: a new revision. */
    void saveDraft(JsonObject model, String by) {
        draft = model.toString();
        draftRevision++;
        draftUpdatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        draftUpdatedBy = by;
        name = model.getString("name").strip();
        description = text(model, "description");
        icon = text(model, "icon");
    }

    private static String text(JsonObject model, String member) {
        return model.get(member) instanceof JsonString value ? value.getString() : null;
    }

    void versionFrozen(int number) {
        latestVersion = number;
    }

    void activate(int number) {
        activeVersion = number;
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

    public String description() {
        return description;
    }

    public String icon() {
        return icon;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Integer activeVersion() {
        return activeVersion;
    }

    public Integer latestVersion() {
        return latestVersion;
    }

    public JsonObject draft() {
        return ModelDocuments.parse(draft);
    }

    public long draftRevision() {
        return draftRevision;
    }

    public OffsetDateTime draftUpdatedAt() {
        return draftUpdatedAt;
    }

    public String draftUpdatedBy() {
        return draftUpdatedBy;
    }

    Integer lockId() {
        return lockId;
    }
}
