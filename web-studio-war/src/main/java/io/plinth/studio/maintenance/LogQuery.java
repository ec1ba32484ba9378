package io.plinth.studio.maintenance;

import static io.plinth.studio.web.Answers.encode;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The log viewer's filters, each optional: service, minimum level, a time range in UTC
 * ({@code from} inclusive, {@code to} exclusive), part of the message, a trace id.
 */
public record LogQuery(String service, String level, LocalDateTime from, LocalDateTime to, String text,
                       String traceId) implements Serializable {

    /** The query string of {@code GET /api/logs} for a page from {@code offset}, newest before {@code pinnedTo} (or all). */
    String queryString(int offset, int limit, OffsetDateTime pinnedTo) {
        List<String> params = new ArrayList<>();
        add(params, "service", service);
        add(params, "level", level);
        add(params, "from", from == null ? null : from.atOffset(ZoneOffset.UTC).toString());
        OffsetDateTime before = to == null ? null : to.atOffset(ZoneOffset.UTC);
        if (pinnedTo != null && (before == null || pinnedTo.isBefore(before))) {
            before = pinnedTo;
        }
        add(params, "to", before == null ? null : before.toString());
        add(params, "text", text);
        add(params, "traceId", traceId);
        params.add("offset=" + offset);
        params.add("limit=" + limit);
        return "?" + String.join("&", params);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.add(name + "=" + encode(value.strip()));
        }
    }
}
