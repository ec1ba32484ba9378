package io.plinth.identity.roles;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.security.Permissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The permission patterns a role may grant: each one valid for {@link Permissions#isPattern}, at most {@value #MAX} of them (checked by Bean Validation). */
final class RolePermissions {

    static final int MAX = 200;

    private RolePermissions() {
    }

    /**
     * The distinct patterns of {@code patterns} (none when null), or a 400 problem naming every
     * invalid entry by its path, {@code permissions[i]}.
     */
    static Set<String> check(List<String> patterns) {
        if (patterns == null) {
            return Set.of();
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> valid = new TreeSet<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (Permissions.isPattern(pattern)) {
                valid.add(pattern);
            } else {
                errors.add(new FieldError("permissions[" + i + "]", pattern == null ? "must not be null"
                        : "must be a permission pattern such as catalogs:app.orders:read, view-service:* or *"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return valid;
    }
}
