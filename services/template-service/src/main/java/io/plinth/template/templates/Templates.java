package io.plinth.template.templates;

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

/** The template library: create and find templates; every creation is announced on the bus. */
@ApplicationScoped
public class Templates {

    public static final String CREATED = "template-service.template.created";

    @PersistenceContext(unitName = "template-service")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Creates the template and its {@code template-service.template.created} event in one
     * transaction. A key that is taken fails at the flush: the transaction, event included, rolls back.
     */
    @Transactional
    public Template create(NewTemplate request) {
        Template template = new Template(request.key(), request.mediaType(), request.body());
        em.persist(template);
        events.publish(CREATED, Json.createObjectBuilder()
                .add("id", template.id().toString())
                .add("key", template.key())
                .add("mediaType", template.mediaType())
                .build());
        Persistence.flushOrConflict(em, "template-key-taken",
                "A template with key '" + request.key() + "' already exists");
        return template;
    }

    public Template get(String key) {
        return Persistence.single(em.createQuery("SELECT t FROM Template t WHERE t.key = :key", Template.class)
                .setParameter("key", key), "Template", key);
    }

    public Page<TemplateSummary> list(PageRequest page) {
        List<TemplateSummary> items = em.createQuery("SELECT NEW " + TemplateSummary.class.getName()
                        + "(t.id, t.key, t.mediaType, t.createdAt) FROM Template t ORDER BY t.key", TemplateSummary.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(t) FROM Template t", Long.class).getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }
}
