package io.plinth.kernel.security;

import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import java.util.Optional;

/**
 * The caller of the work running on this thread, set by the kernel for each REST request and gRPC
 * call once its token is verified, and cleared when the work ends.
 */
public final class Callers {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private Callers() {
    }

    public static Optional<Caller> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The caller, or a 401 problem when the work runs for nobody. */
    public static Caller required() {
        Caller caller = CURRENT.get();
        if (caller == null) {
            throw unauthenticated("Sign in first: this needs a platform access token");
        }
        return caller;
    }

    public static void set(Caller caller) {
        if (caller == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(caller);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }

    static ProblemException unauthenticated(String detail) {
        return new ProblemException(Problem.of(401, "unauthenticated", "Not signed in", detail));
    }
}
