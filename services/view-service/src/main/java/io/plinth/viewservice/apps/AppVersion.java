package io.plinth.viewservice.apps;

import io.plinth.viewservice.apps.model.ModelDocuments;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A published version of an app's model: numbered from 1 per app and never changed or deleted (the
 * database refuses both, see db/view-service/002-app-versions.xml). {@code origin} says where its
 * content came from: the draft, an earlier version ({@code rollback}, {@code sourceVersion}), or an
 * import file.
 */
@Entity
@Table(name = "app_version")
public class AppVersion {

    public static final String FROM_DRAFT = "draft";
    public static final String FROM_ROLLBACK = "rollback";
    public static final String FROM_IMPORT = "import";

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private UUID appId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String model;

    @Column(nullable = false, updatable = false, length = 64)
    private String checksum;

    @Column(nullable = false, updatable = false, length = 20)
    private String origin;

    @Column(name = "source_version", updatable = false)
    private Integer sourceVersion;

    /** Text, not UUID: EclipseLink's UUID converter cannot read a null, and imported versions have none. */
    @Column(name = "publication_id", updatable = false)
    private String publicationId;

    @Column(name = "published_at", nullable = false, updatable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "published_by", length = 200, updatable = false)
    private String publishedBy;

    protected AppVersion() {
    }

    AppVersion(UUID appId, int number, JsonObject model, String origin, Integer sourceVersion, UUID publicationId,
               OffsetDateTime publishedAt, String publishedBy) {
        this.id = UUID.randomUUID();
        this.appId = appId;
        this.number = number;
        this.model = model.toString();
        this.checksum = ModelDocuments.checksum(this.model);
        this.origin = origin;
        this.sourceVersion = sourceVersion;
        this.publicationId = publicationId == null ? null : publicationId.toString();
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public UUID appId() {
        return appId;
    }

    public int number() {
        return number;
    }

    public JsonObject model() {
        return ModelDocuments.parse(model);
    }

    public String modelJson() {
        return model;
    }

    public String checksum() {
        return checksum;
    }

    public String origin() {
        return origin;
    }

    public Integer sourceVersion() {
        return sourceVersion;
    }

    public UUID publicationId() {
        return publicationId == null ? null : UUID.fromString(publicationId);
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }
}
