package io.plinth.viewservice.apps;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The app registry: create and find apps; every creation is announced on the bus. */
@ApplicationScoped
public class Apps {

    public static final String CREATED = "view-service.app.created";

    @PersistenceContext(unitName = "view-service")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Creates the app and its {@code view-service.app.created} event in one transaction. A key
     * that is taken fails at the flush: the transaction, event included, rolls back.
     */
    @Transactional
    public App create(NewApp request) {
        App app = new App(request.key(), request.name().strip(), request.description());
        em.persist(app);
        events.publish(CREATED, Json.createObjectBuilder()
                .add("id", app.id().toString())
                .add("key", app.key())
                .add("name", app.name())
                .build());
        Persistence.flushOrConflict(em, "app-key-taken", "An app with key '" + request.key() + "' already exists");
        return app;
    }

    public App get(String key) {
        return Persistence.single(em.createQuery("SELECT a FROM App a WHERE a.key = :key", App.class)
                .setParameter("key", key), "App", key);
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
}
