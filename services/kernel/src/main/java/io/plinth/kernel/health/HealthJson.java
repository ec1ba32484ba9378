package io.plinth.kernel.health;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** One health check result as JSON: name, status and its data. */
final class HealthJson {

    private HealthJson() {
    }

    static JsonObject of(HealthCheckResponse response) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        response.getData().ifPresent(map -> map.forEach((key, value) -> {
            if (value instanceof Number n) {
                data.add(key, n.longValue());
            } else if (value instanceof Boolean b) {
                data.add(key, b);
            } else {
                data.add(key, String.valueOf(value));
            }
        }));
        return Json.createObjectBuilder()
                .add("name", response.getName())
                .add("status", response.getStatus().name())
                .add("data", data)
                .build();
    }
}
