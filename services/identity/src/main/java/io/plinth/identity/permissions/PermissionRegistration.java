package io.plinth.identity.permissions;

/** The body of {@code PUT /api/permissions/{name}}: what it allows and, when not the name's first segment, the owning service. */
public record PermissionRegistration(String description, String service) {
}
