package io.plinth.studio.maintenance;

import java.io.Serializable;
import java.util.Map;

/** One check of a service's {@code /hc}: its name, status and data, values as text. */
public record CheckResult(String name, String status, Map<String, String> data) implements Serializable {

    public CheckResult {
        data = Map.copyOf(data);
    }

    /** The data as {@code key=value} pairs in key order, for a compact line. */
    public String dataText() {
        return data.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
