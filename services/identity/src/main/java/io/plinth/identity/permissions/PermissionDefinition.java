package io.plinth.identity.permissions;

import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.security.Permissions;
import java.util.List;
import java.util.regex.Pattern;

/** A permission to register: its name, what it allows, and the service that owns it. */
public record PermissionDefinition(String name, String description, String service) {

    static final int MAX_DESCRIPTION = 500;
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * The definition with surrounding blanks removed and the service defaulting to the name's first
     * segment, or null after adding every problem to {@code errors}, each field path prefixed with
     * {@code path} (e.g. {@code permissions[3].}).
     */
    static PermissionDefinition checked(String path, String name, String description, String service,
                                        List<FieldError> errors) {
        int before = errors.size();
        if (!Permissions.isName(name)) {
            errors.add(new FieldError(path + "name", "must be a permission name such as catalogs:app.orders:read"
                    + " (lower case, service:resource:action)"));
        }
        if (description == null || description.isBlank()) {
            errors.add(new FieldError(path + "description", "must not be blank"));
        } else if (description.strip().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError(path + "description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        String owner = service == null || service.isBlank() ? null : service.strip();
        if (owner != null && !SERVICE.matcher(owner).matches()) {
            errors.add(new FieldError(path + "service", "must be a service name such as catalogs"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new PermissionDefinition(name, description.strip(), owner == null ? name.substring(0, name.indexOf(':'))
                : owner);
    }
}
