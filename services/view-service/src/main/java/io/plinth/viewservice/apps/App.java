package io.plinth.viewservice.apps;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** An application built in the platform: its identity and description (its model comes with publishing). */
@Entity
@Table(name = "app")
public class App {

    @Id
    private UUID id;

    @Column(name = "app_key", nullable = false, unique = true, length = 63)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected App() {
    }

    public App(String key, String name, String description) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.name = name;
        this.description = description;
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

    public String description() {
        return description;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
