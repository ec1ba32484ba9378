package io.plinth.viewservice.apps;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An app as the REST API shows it: identity, the active and latest version numbers, the draft's revision. */
public record AppView(UUID id, String key, String name, String description, String icon, OffsetDateTime createdAt,
                      String createdBy, Integer activeVersion, Integer latestVersion, long draftRevision,
                      OffsetDateTime draftUpdatedAt, String draftUpdatedBy) {

    static AppView of(App app) {
        return new AppView(app.id(), app.key(), app.name(), app.description(), app.icon(), app.createdAt(),
                app.createdBy(), app.activeVersion(), app.latestVersion(), app.draftRevision(), app.draftUpdatedAt(),
                app.draftUpdatedBy());
    }
}
