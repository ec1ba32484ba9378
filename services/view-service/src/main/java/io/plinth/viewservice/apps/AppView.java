package io.plinth.viewservice.apps;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An app as the REST API shows it. */
public record AppView(UUID id, String key, String name, String description, OffsetDateTime createdAt) {

    static AppView of(App app) {
        return new AppView(app.id(), app.key(), app.name(), app.description(), app.createdAt());
    }
}
