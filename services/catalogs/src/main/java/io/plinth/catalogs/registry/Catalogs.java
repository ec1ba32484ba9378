package io.plinth.catalogs.registry;

import io.plinth.kernel.model.ModelKeys;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The apps catalogs holds data for. */
@ApplicationScoped
public class Catalogs {

    @PersistenceContext(unitName = "catalogs")
    EntityManager em;

    /**
     * Registers an app announced by view-service. Runs in the caller's (the bus delivery's)
     * transaction; invalid announcements are refused so the bus retries and then dead-letters them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AppCatalog register(String appKey, String appId, String appName, String eventId) {
        if (!ModelKeys.isAppKey(appKey)) {
            throw new IllegalArgumentException("event " + eventId + " has an invalid app key '" + appKey + "'");
        }
        if (appName == null || appName.isBlank() || appName.length() > 200) {
            throw new IllegalArgumentException("event " + eventId + " has an invalid app name");
        }
        AppCatalog catalog = new AppCatalog(appKey, UUID.fromString(appId), appName, eventId);
        em.persist(catalog);
        return catalog;
    }

    public AppCatalog get(String appKey) {
        AppCatalog catalog = em.find(AppCatalog.class, appKey);
        if (catalog == null) {
            throw ProblemException.notFound("Catalog of app", appKey);
        }
        return catalog;
    }

    public Page<CatalogView> list(PageRequest page) {
        var items = em.createQuery("SELECT c FROM AppCatalog c ORDER BY c.appKey", AppCatalog.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(CatalogView::of)
                .toList();
        long total = em.createQuery("SELECT COUNT(c) FROM AppCatalog c", Long.class).getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }
}
