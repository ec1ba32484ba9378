package io.plinth.identity.users;

import io.plinth.kernel.problem.ProblemException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The administrative moves between statuses: disable (from active or locked), enable (a disabled
 * user), lock (an active user), unlock (a locked user). Asking for the status a user already has
 * changes nothing; any other move is refused, so an unlock never silently re-enables a disabled user.
 */
public enum UserStatusChange {
    DISABLE(EnumSet.of(UserStatus.ACTIVE, UserStatus.LOCKED), UserStatus.DISABLED, "disabled"),
    ENABLE(EnumSet.of(UserStatus.DISABLED), UserStatus.ACTIVE, "enabled"),
    LOCK(EnumSet.of(UserStatus.ACTIVE), UserStatus.LOCKED, "locked"),
    UNLOCK(EnumSet.of(UserStatus.LOCKED), UserStatus.ACTIVE, "unlocked");

    private final Set<UserStatus> from;
    private final UserStatus to;
    private final String verb;

    UserStatusChange(Set<UserStatus> from, UserStatus to, String verb) {
        this.from = from;
        this.to = to;
        this.verb = verb;
    }

    /** The status after this change, the same one when there is nothing to do, or a 409 problem. */
    public UserStatus apply(UserStatus current) {
        if (current == to) {
            return current;
        }
        if (!from.contains(current)) {
            throw ProblemException.conflict("status-conflict", "A user who is " + current.code() + " cannot be "
                    + verb + (current == UserStatus.LOCKED && this == ENABLE ? "; unlock the user instead"
                    : current == UserStatus.DISABLED && this == UNLOCK ? "; enable the user instead" : ""));
        }
        return to;
    }

    /** The audit action and, prefixed with {@code identity.}, the event: {@code user.disabled}... */
    public String action() {
        return "user." + verb;
    }
}
