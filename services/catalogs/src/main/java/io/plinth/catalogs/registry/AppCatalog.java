package io.plinth.catalogs.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The catalog catalogs keeps for an app: created when view-service announces the app. */
@Entity
@Table(name = "app_catalog")
public class AppCatalog {

    @Id
    @Column(name = "app_key", length = 63)
    private String appKey;

    @Column(name = "app_id", nullable = false)
    private UUID appId;

    @Column(name = "app_name", nullable = false, length = 200)
    private String appName;

    @Column(name = "source_event_id", nullable = false, length = 200)
    private String sourceEventId;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    protected AppCatalog() {
    }

    public AppCatalog(String appKey, UUID appId, String appName, String sourceEventId) {
        this.appKey = appKey;
        this.appId = appId;
        this.appName = appName;
        this.sourceEventId = sourceEventId;
        this.registeredAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String appKey() {
        return appKey;
    }

    public UUID appId() {
        return appId;
    }

    public String appName() {
        return appName;
    }

    public String sourceEventId() {
        return sourceEventId;
    }

    public OffsetDateTime registeredAt() {
        return registeredAt;
    }
}
