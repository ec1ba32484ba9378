package io.plinth.catalogs.records;

import io.plinth.kernel.bus.EventHandler;
import io.plinth.kernel.bus.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Deletes an app's cached model documents when its model changes (queue
 * {@code catalogs.app-model-cache}): view-service activated a version, or catalogs applied or
 * removed the app's schema. The cache's stamps already keep a stale entry from being served;
 * this frees the entries at once. A Redis that is down is not retried: its entries expire.
 */
@ApplicationScoped
public class ModelCacheInvalidation implements EventHandler {

    static final List<String> EVENTS = List.of("view-service.app.activated", "catalogs.schema.applied",
            "catalogs.schema.removed");

    @Inject
    RedisModelDocuments documents;

    @Override
    public String name() {
        return "app-model-cache";
    }

    @Override
    public List<String> bindings() {
        return EVENTS;
    }

    @Override
    public void handle(IncomingEvent event) {
        String app = event.data().getString("app", null);
        if (app != null) {
            documents.forget(app);
        }
    }
}
