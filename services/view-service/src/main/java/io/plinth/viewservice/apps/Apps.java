package io.plinth.viewservice.apps;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.problem.FieldError;
import io.plinth.kernel.problem.Problem;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.kernel.security.Callers;
import io.plinth.viewservice.apps.model.ModelDocuments;
import io.plinth.viewservice.apps.model.ModelValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The app registry and the drafts: create apps from a model, find them, edit drafts (with optimistic
 * revisions), delete apps never published. Creations and deletions are announced on the bus.
 */
@ApplicationScoped
public class Apps {

    public static final String CREATED = "view-service.app.created";
    public static final String DELETED = "view-service.app.deleted";

    @PersistenceContext(unitName = "view-service")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Creates the app with {@code model} as its draft, and its {@code view-service.app.created} event,
     * in one transaction. A key that is taken fails at the flush: the transaction, event included, rolls back.
     */
    @Transactional
    public App create(JsonObject model) {
        JsonObject normalized = ModelDocuments.normalized(model);
        requireValid(ModelValidator.validate(normalized, ModelValidator.Context.newApp()));
        App app = new App(normalized, caller());
        em.persist(app);
        announceCreated(app);
        Persistence.flushOrConflict(em, "app-key-taken", "An app with key '" + app.key() + "' already exists");
        return app;
    }

    void announceCreated(App app) {
        events.publish(CREATED, Json.createObjectBuilder()
                .add("id", app.id().toString())
                .add("key", app.key())
                .add("name", app.name())
                .build());
    }

    public App get(String key) {
        return Persistence.single(em.createQuery("SELECT a FROM App a WHERE a.key = :key", App.class)
                .setParameter("key", key), "App", key);
    }

    /** The app, its row locked until the transaction ends: drafts and publications change it one at a time. */
    App locked(String key) {
        return Persistence.single(em.createQuery("SELECT a FROM App a WHERE a.key = :key", App.class)
                .setParameter("key", key)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE), "App", key);
    }

    public Page<AppView> list(String search, PageRequest page) {
        String pattern = search == null || search.isBlank() ? "%" : "%" + search.strip().toLowerCase() + "%";
        List<AppView> items = em.createQuery("SELECT a FROM App a WHERE LOWER(a.key) LIKE :p OR LOWER(a.name) LIKE :p"
                        + " ORDER BY a.key", App.class)
                .setParameter("p", pattern)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(AppView::of)
                .toList();
        long total = em.createQuery("SELECT COUNT(a) FROM App a WHERE LOWER(a.key) LIKE :p OR LOWER(a.name) LIKE :p",
                        Long.class)
                .setParameter("p", pattern)
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    /**
     * Replaces the draft. With {@code expected} given, only when the draft is still at that revision
     * (else 412 when it came as {@code If-Match}, 409 otherwise). The model must be valid against
     * the active version.
     */
    @Transactional
    public App saveDraft(String key, JsonObject model, Long expected, boolean fromIfMatch) {
        App app = locked(key);
        if (expected != null && expected != app.draftRevision()) {
            throw draftChanged(app, fromIfMatch);
        }
        JsonObject normalized = ModelDocuments.normalized(model);
        requireValid(ModelValidator.validate(normalized, ModelValidator.Context.draft(app.key(), activeModel(app))));
        app.saveDraft(normalized, caller());
        return app;
    }

    static ProblemException draftChanged(App app, boolean fromIfMatch) {
        String detail = "The draft of '" + app.key() + "' is at revision " + app.draftRevision() + " (saved by "
                + app.draftUpdatedBy() + " at " + app.draftUpdatedAt() + "): read it again and redo the change";
        return new ProblemException(fromIfMatch
                ? Problem.of(412, "draft-changed", "The draft changed meanwhile", detail)
                : Problem.of(409, "draft-changed", "The draft changed meanwhile", detail));
    }

    /**
     * Deletes an app that was never published, with its failed publications. Published apps stay:
     * their versions are history that nothing may erase.
     */
    @Transactional
    public void delete(String key) {
        App app = locked(key);
        if (app.latestVersion() != null) {
            throw ProblemException.conflict("app-published", "App '" + key + "' has published versions and cannot be"
                    + " deleted");
        }
        long running = em.createQuery("SELECT COUNT(p) FROM Publication p WHERE p.appId = :app AND p.status IN :running",
                        Long.class)
                .setParameter("app", app.id())
                .setParameter("running", List.of(Publication.VALIDATING, Publication.APPLYING))
                .getSingleResult();
        if (running > 0) {
            throw ProblemException.conflict("publication-in-progress", "App '" + key + "' is being published");
        }
        em.createQuery("SELECT p FROM Publication p WHERE p.appId = :app", Publication.class)
                .setParameter("app", app.id())
                .getResultStream()
                .forEach(em::remove);
        em.remove(app);
        events.publish(DELETED, Json.createObjectBuilder()
                .add("id", app.id().toString())
                .add("key", app.key())
                .build());
    }

    /** The model of the app's active version, or null when none is active. */
    JsonObject activeModel(App app) {
        if (app.activeVersion() == null) {
            return null;
        }
        return version(app, app.activeVersion()).model();
    }

    AppVersion version(App app, int number) {
        return Persistence.single(em.createQuery("SELECT v FROM AppVersion v WHERE v.appId = :app AND v.number = :n",
                        AppVersion.class)
                .setParameter("app", app.id())
                .setParameter("n", number), "Version of app " + app.key(), Integer.toString(number));
    }

    static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    static String caller() {
        return Callers.current().map(c -> c.login() != null ? c.login() : c.userId()).orElse(null);
    }
}
