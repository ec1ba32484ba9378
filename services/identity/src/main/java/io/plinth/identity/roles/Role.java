package io.plinth.identity.roles;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A named set of permission patterns, assigned to users and groups. Built-in roles come with the
 * platform and cannot be changed or deleted.
 */
@Entity
@Table(name = "platform_role")
public class Role {

    @Id
    private UUID id;

    @Column(name = "role_key", nullable = false, unique = true, length = 63)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "pattern", nullable = false, length = 400)
    private Set<String> permissions = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Role() {
    }

    Role(String key, String name, String description, Set<String> permissions) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.name = name;
        this.description = description;
        this.permissions = new HashSet<>(permissions);
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

    public boolean builtIn() {
        return builtIn;
    }

    public Set<String> permissions() {
        return Set.copyOf(permissions);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    void change(String name, String description, Set<String> permissions) {
        this.name = name;
        this.description = description;
        this.permissions.retainAll(permissions);
        this.permissions.addAll(permissions);
    }
}
