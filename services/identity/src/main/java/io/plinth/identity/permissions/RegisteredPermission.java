package io.plinth.identity.permissions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A permission name some service checks, with what it allows; read here, written with plain SQL (see {@link PermissionRegistry}). */
@Entity
@Table(name = "permission")
public class RegisteredPermission {

    @Id
    @Column(length = 400)
    private String name;

    @Column(nullable = false, length = 40)
    private String service;

    @Column(nullable = false, length = 500)
    private String description;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected RegisteredPermission() {
    }

    public String name() {
        return name;
    }

    public String service() {
        return service;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime registeredAt() {
        return registeredAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
