package io.plinth.catalogs.registry;

import io.plinth.kernel.bus.EventHandler;
import io.plinth.kernel.bus.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Opens a catalog for every app view-service creates (queue {@code catalogs.app-registry}). */
@ApplicationScoped
public class AppCreatedHandler implements EventHandler {

    @Inject
    Catalogs catalogs;

    @Override
    public String name() {
        return "app-registry";
    }

    @Override
    public List<String> bindings() {
        return List.of("view-service.app.created");
    }

    @Override
    public void handle(IncomingEvent event) {
        var data = event.data();
        catalogs.register(data.getString("key", null), data.getString("id", null), data.getString("name", null),
                event.id());
    }
}
