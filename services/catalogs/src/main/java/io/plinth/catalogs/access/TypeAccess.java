package io.plinth.catalogs.access;

import java.util.List;
import java.util.Set;

/**
 * What a caller may do with one type, from the rules of the app roles the caller holds. An app
 * role is held by callers whose platform token carries the identity role of the same key. Roles
 * add up: an operation is allowed when one held role allows it, and a field is visible (writable)
 * when one held role allowing the operation does not hide it (hide it or make it read-only).
 * Which rows is the database's part: the row policies compiled from the same rules.
 */
public final class TypeAccess {

    private final List<AccessRule> held;

    private TypeAccess(List<AccessRule> held) {
        this.held = held;
    }

    public static TypeAccess of(List<AccessRule> typeRules, Set<String> callerRoles) {
        return new TypeAccess(typeRules.stream().filter(r -> callerRoles.contains(r.role())).toList());
    }

    public boolean allows(Operation operation) {
        return held.stream().anyMatch(r -> r.allows(operation));
    }

    /** Whether the caller sees the field (a type field or a system field) in what it reads. */
    public boolean visible(String field) {
        return held.stream().anyMatch(r -> r.allows(Operation.READ) && !r.hidden().contains(field));
    }

    /** Whether the caller may give the field a value when it creates or updates records. */
    public boolean writable(String field, Operation operation) {
        return held.stream().anyMatch(r -> r.allows(operation) && !r.hidden().contains(field)
                && !r.readOnly().contains(field));
    }
}
