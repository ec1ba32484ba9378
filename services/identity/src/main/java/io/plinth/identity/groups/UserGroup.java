package io.plinth.identity.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A named set of users, possibly inside a parent group: members of a group are members of all its ancestors. */
@Entity
@Table(name = "user_group")
public class UserGroup {

    @Id
    private UUID id;

    @Column(name = "group_key", nullable = false, unique = true, length = 63)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(name = "parent_id")
    @Convert(converter = NullableUuid.class)
    private UUID parentId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected UserGroup() {
    }

    UserGroup(String key, String name, String description, UUID parentId) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.name = name;
        this.description = description;
        this.parentId = parentId;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
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

    public UUID parentId() {
        return parentId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    void change(String name, String description, UUID parentId) {
        this.name = name;
        this.description = description;
        this.parentId = parentId;
    }
}
