package io.plinth.web.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which paths need a signed-in user, and the way to the sign-in page and back. Paths are relative
 * to the application's context root.
 */
public final class SignInRoutes {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    public static final String HOME = "/";

    /** Reasons the sign-in page explains (message keys {@code signin.reason.<reason>}). */
    public static final String EXPIRED = "expired";
    public static final String ENDED = "ended";
    public static final String SIGNED_OUT = "signed-out";
    public static final String UNAVAILABLE = "unavailable";

    /**
     * Open to everyone: the sign-in page, Faces resources (styles, scripts), health, the error
     * pages, and the REST API, whose callers bring a bearer token that the kernel checks.
     */
    private static final List<String> PUBLIC_PATHS = List.of(SIGN_IN_PAGE, "/hc", "/liveness", "/metrics",
            "/error.xhtml", "/expired", "/favicon.ico");
    private static final List<String> PUBLIC_PREFIXES = List.of("/jakarta.faces.resource/", "/api/");
    private static final List<String> REASONS = List.of(EXPIRED, ENDED, SIGNED_OUT, UNAVAILABLE);
    /** A path inside the application with an optional query: no scheme, no host, no "//" or "\" tricks. */
    private static final Pattern LOCAL_TARGET = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/%-]*(\\?[^\\\\\\s]*)?");
    private static final int MAX_TARGET = 2000;

    private SignInRoutes() {
    }

    public static boolean isPublic(String path) {
        return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** Where to go after signing in: {@code next} when it is a path of this application, else home. */
    public static String safeTarget(String next) {
        if (next == null || next.length() > MAX_TARGET || !LOCAL_TARGET.matcher(next).matches()) {
            return HOME;
        }
        return next;
    }

    /** A reason the sign-in page knows, else null (a reason typed into the address bar explains nothing). */
    public static String knownReason(String reason) {
        return reason != null && REASONS.contains(reason) ? reason : null;
    }

    /** The sign-in page's path with a {@code reason} and a {@code next} target, each left out when null. */
    public static String signInPath(String reason, String next) {
        StringBuilder path = new StringBuilder(SIGN_IN_PAGE);
        char separator = '?';
        if (reason != null) {
            path.append(separator).append("reason=").append(reason);
            separator = '&';
        }
        if (next != null && !HOME.equals(next)) {
            path.append(separator).append("next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return path.toString();
    }
}
