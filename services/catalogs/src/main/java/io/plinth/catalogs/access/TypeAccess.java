package io.plinth.catalogs.access;

import io.plinth.kernel.security.Caller;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    /**
     * The partitions (values of the security partition field, as text) that hold every row the
     * caller may read, when the rules pin them down: every held role that reads restricts the
     * partition field to listed values or to the caller's id or groups. Empty when one does not.
     * The row policies say the same, but the planner cannot prune partitions by a list it only
     * learns when the statement runs; a query that names them touches only those partitions.
     */
    public Optional<Set<String>> readablePartitions(String partitionField, Caller caller) {
        Set<String> partitions = new TreeSet<>();
        for (AccessRule rule : held) {
            if (!rule.allows(Operation.READ)) {
                continue;
            }
            Optional<Condition> pinned = rule.rows().stream().filter(c -> c.field().equals(partitionField)
                    && (c.op() == Operator.EQ || c.op() == Operator.IN)).findFirst();
            if (pinned.isEmpty()) {
                return Optional.empty();
            }
            for (Object value : pinned.get().values()) {
                if (value == Variable.USER_ID) {
                    Optional.ofNullable(caller.userId()).ifPresent(partitions::add);
                } else if (value == Variable.USER_GROUPS) {
                    partitions.addAll(caller.groups());
                } else {
                    partitions.add(value.toString());
                }
            }
        }
        return Optional.of(partitions);
    }
}
