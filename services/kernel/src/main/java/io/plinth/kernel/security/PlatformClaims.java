package io.plinth.kernel.security;

/**
 * Claim names of the platform access token, shared by identity (which issues it) and every service
 * (which reads it). The token follows MicroProfile JWT: {@code upn} is the login and {@code groups}
 * the user's groups; the platform adds {@code roles}, {@code perms}, {@code tid} and {@code sid}.
 */
public final class PlatformClaims {

    public static final String LOGIN = "upn";
    public static final String NAME = "name";
    public static final String GROUPS = "groups";
    public static final String ROLES = "roles";
    public static final String PERMISSIONS = "perms";
    public static final String TENANT = "tid";
    public static final String SESSION = "sid";

    private PlatformClaims() {
    }
}
