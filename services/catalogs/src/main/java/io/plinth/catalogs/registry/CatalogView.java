package io.plinth.catalogs.registry;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A catalog as the REST API shows it. */
public record CatalogView(String appKey, UUID appId, String appName, String sourceEventId, OffsetDateTime registeredAt) {

    static CatalogView of(AppCatalog catalog) {
        return new CatalogView(catalog.appKey(), catalog.appId(), catalog.appName(), catalog.sourceEventId(),
                catalog.registeredAt());
    }
}
