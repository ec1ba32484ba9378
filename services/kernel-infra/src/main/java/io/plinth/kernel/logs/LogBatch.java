package io.plinth.kernel.logs;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One message on {@code plinth.logs}: the records of one instance of a service.
 * {@code {"service":"catalogs","instance":"host-4711","records":[{...}, ...]}}.
 *
 * @param rejected records of the message that were not valid and were left out (reading only)
 */
public record LogBatch(String service, String instance, List<LogEntry> entries, int rejected) {

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public LogBatch {
        entries = List.copyOf(entries);
    }

    public byte[] toBytes() {
        JsonArrayBuilder records = Json.createArrayBuilder();
        entries.forEach(entry -> records.add(entry.toJson()));
        return Json.createObjectBuilder()
                .add("service", service)
                .add("instance", instance)
                .add("records", records)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a message, leaving out single records that are not valid.
     *
     * @throws IllegalArgumentException when the message as a whole is not a batch
     */
    public static LogBatch fromBytes(byte[] body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage());
        }
        String service = json.getString("service", "");
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("no valid service name");
        }
        String instance = LogEntry.clean(json.getString("instance", ""), LogEntry.MAX_NAME);
        if (instance.isBlank() || !(json.get("records") instanceof jakarta.json.JsonArray records)) {
            throw new IllegalArgumentException("no instance or no records");
        }
        List<LogEntry> entries = new ArrayList<>();
        int rejected = 0;
        for (JsonValue record : records) {
            try {
                entries.add(LogEntry.fromJson(record.asJsonObject()));
            } catch (RuntimeException e) {
                rejected++;
            }
        }
        return new LogBatch(service, instance, entries, rejected);
    }
}
