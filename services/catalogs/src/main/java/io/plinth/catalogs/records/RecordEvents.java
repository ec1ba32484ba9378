package io.plinth.catalogs.records;

import jakarta.json.JsonObject;

/** Where record changes are announced: the service's {@code EventPublisher}, in the change's transaction. */
@FunctionalInterface
public interface RecordEvents {

    String CREATED = "catalogs.record.created";
    String UPDATED = "catalogs.record.updated";
    String DELETED = "catalogs.record.deleted";

    void publish(String routingKey, JsonObject data);
}
