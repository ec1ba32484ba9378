package io.plinth.studio.maintenance;

/** A service's health as web-studio saw it. */
public enum ServiceStatus {
    /** It answered 200 and every one of its checks is UP. */
    UP,
    /** It answered, but not healthy: 503, a DOWN check, or something that is not a health answer. */
    DOWN,
    /** No answer: refused, unknown host, or nothing within the timeout. */
    UNREACHABLE
}
