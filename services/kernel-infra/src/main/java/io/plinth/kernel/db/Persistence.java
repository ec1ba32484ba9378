package io.plinth.kernel.db;

import io.plinth.kernel.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** The two JPA moves every service makes: write and report a taken key, read one or report it missing. */
public final class Persistence {

    private Persistence() {
    }

    /**
     * Flushes pending writes. A unique-key violation becomes a 409 problem with {@code code} and
     * {@code detail} (the caller's transaction then rolls back, events included); other failures pass.
     */
    public static void flushOrConflict(EntityManager em, String code, String detail) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            throw ProblemException.conflict(code, detail);
        }
    }

    /** The single result of {@code query}, or a 404 problem naming {@code what} and {@code id}. */
    public static <T> T single(TypedQuery<T> query, String what, String id) {
        List<T> found = query.setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound(what, id);
        }
        return found.get(0);
    }
}
