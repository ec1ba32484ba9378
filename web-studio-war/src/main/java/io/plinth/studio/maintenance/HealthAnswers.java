package io.plinth.studio.maintenance;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a service's {@code /hc} answered: the platform's health JSON, which has the
 * MicroProfile Health shape ({@code status}, {@code checks[]} of {@code name}, {@code status}, {@code data}).
 */
final class HealthAnswers {

    private HealthAnswers() {
    }

    static ServiceHealth read(PlatformService service, int httpStatus, byte[] body, long latencyMs) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException e) {
            return new ServiceHealth(service.name(), service.healthUrl(), ServiceStatus.DOWN, httpStatus,
                    List.of(), latencyMs, "HTTP " + httpStatus + ": the answer is not health JSON");
        }
        List<CheckResult> checks = checks(json);
        boolean up = httpStatus == 200 && "UP".equals(text(json.get("status")));
        String problem = up || checks.stream().anyMatch(c -> !"UP".equals(c.status()))
                ? null : "HTTP " + httpStatus + ", status " + text(json.get("status"));
        return new ServiceHealth(service.name(), service.healthUrl(), up ? ServiceStatus.UP : ServiceStatus.DOWN,
                httpStatus, checks, latencyMs, problem);
    }

    private static List<CheckResult> checks(JsonObject json) {
        JsonValue checks = json.get("checks");
        if (checks == null || checks.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        return checks.asJsonArray().stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject)
                .map(c -> new CheckResult(text(c.get("name")), text(c.get("status")), data(c.get("data"))))
                .toList();
    }

    private static Map<String, String> data(JsonValue data) {
        Map<String, String> values = new LinkedHashMap<>();
        if (data != null && data.getValueType() == JsonValue.ValueType.OBJECT) {
            data.asJsonObject().forEach((key, value) -> values.put(key, text(value)));
        }
        return values;
    }

    /** A JSON value as people read it: strings without quotes, a missing value as "?". */
    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "?";
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
