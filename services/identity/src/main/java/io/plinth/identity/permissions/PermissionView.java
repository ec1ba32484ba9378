package io.plinth.identity.permissions;

import java.time.OffsetDateTime;

/** A registered permission as the REST API shows it. */
public record PermissionView(String name, String service, String description, OffsetDateTime registeredAt,
                             OffsetDateTime updatedAt) {

    static PermissionView of(RegisteredPermission permission) {
        return new PermissionView(permission.name(), permission.service(), permission.description(),
                permission.registeredAt(), permission.updatedAt());
    }
}
