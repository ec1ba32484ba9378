package io.plinth.kernel.security;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Permission names and the patterns roles grant. A permission is {@code service:resource:action}
 * (more segments allowed), e.g. {@code catalogs:app.orders:read}. A pattern is a permission whose
 * segments may be {@code *} (any one segment); a final {@code *} also matches any deeper segments,
 * so {@code *} alone grants everything and {@code identity:*} everything identity checks.
 */
public final class Permissions {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}(:[a-z0-9][a-z0-9._-]{0,79}){1,4}");
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

    private Permissions() {
    }

    public static boolean isName(String permission) {
        return permission != null && NAME.matcher(permission).matches();
    }

    public static boolean isPattern(String pattern) {
        if (pattern == null) {
            return false;
        }
        String[] segments = pattern.split(":", -1);
        if (segments.length > 5) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            Pattern allowed = i == 0 ? SERVICE : SEGMENT;
            if (!segments[i].equals("*") && !allowed.matcher(segments[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    public static boolean grants(Collection<String> patterns, String permission) {
        for (String pattern : patterns) {
            if (matches(pattern, permission)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String permission) {
        String[] wanted = permission.split(":", -1);
        String[] granted = pattern.split(":", -1);
        for (int i = 0; i < granted.length; i++) {
            boolean last = i == granted.length - 1;
            if (granted[i].equals("*") && last) {
                return true;
            }
            if (i >= wanted.length || !(granted[i].equals("*") || granted[i].equals(wanted[i]))) {
                return false;
            }
        }
        return granted.length == wanted.length;
    }
}
