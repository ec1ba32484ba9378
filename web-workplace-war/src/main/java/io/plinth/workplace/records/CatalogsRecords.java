package io.plinth.workplace.records;

import io.plinth.kernel.config.Settings;
import io.plinth.web.api.ApiAnswer;
import io.plinth.web.api.ServiceApi;
import io.plinth.web.api.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An app's records through catalogs' REST API (docs/catalogs-records.md) with the user's token:
 * catalogs applies the app's access rules, so what it answers is what the user may see.
 */
@ApplicationScoped
public class CatalogsRecords {

    public static final String URL_KEY = "plinth.services.catalogs.url";

    /** A page waits no longer than this for one call, connection and whole answer included. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    ServiceApi api;

    @PostConstruct
    void connect() {
        api = new ServiceApi("catalogs", settings.uri(URL_KEY), executor, TIMEOUT);
    }

    public RecordPage query(String token, String app, String type, RecordQuery query)
            throws ServiceUnavailableException, RecordsRefusedException {
        return query(token, app, type, query, null);
    }

    /** A page after {@code cursor} (keyset paging; null: the first page), or at the query's offset without one. */
    public RecordPage query(String token, String app, String type, RecordQuery query, String cursor)
            throws ServiceUnavailableException, RecordsRefusedException {
        JsonObject page = ok(api.get(path(app, type) + query.toQueryString(cursor), token), "GET", type);
        try {
            long total = page.get("total") instanceof JsonNumber number ? number.longValue() : 0;
            String next = page.get("nextCursor") instanceof JsonString text ? text.getString() : null;
            return new RecordPage(page.getJsonArray("items").getValuesAs(JsonObject.class), total, next);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new ServiceUnavailableException("catalogs' answer to GET " + type + " is not a page: " + e);
        }
    }

    /**
     * Which of {@code fields} the user may see: catalogs refuses a hidden field in {@code fields=}
     * (400), so one query asks for all of them and, when refused, one per field tells which.
     */
    public List<String> visibleFields(String token, String app, String type, List<String> fields)
            throws ServiceUnavailableException, RecordsRefusedException {
        if (fields.isEmpty() || readable(token, app, type, fields)) {
            return fields;
        }
        List<String> visible = new ArrayList<>();
        for (String field : fields) {
            if (readable(token, app, type, List.of(field))) {
                visible.add(field);
            }
        }
        return visible;
    }

    private boolean readable(String token, String app, String type, List<String> fields)
            throws ServiceUnavailableException, RecordsRefusedException {
        ApiAnswer answer = api.get(path(app, type) + new RecordQuery(List.of(), List.of(), fields, 0, 1, false)
                .toQueryString(), token);
        if (answer.status() == 400) {
            return false;
        }
        ok(answer, "GET", type);
        return true;
    }

    public JsonObject get(String token, String app, String type, String id)
            throws ServiceUnavailableException, RecordsRefusedException {
        return ok(api.get(path(app, type) + "/" + encode(id), token), "GET", type);
    }

    /** The record's changes, newest first (at most 500), without the fields the user may not see. */
    public List<JsonObject> history(String token, String app, String type, String id)
            throws ServiceUnavailableException, RecordsRefusedException {
        JsonObject answer = ok(api.get(path(app, type) + "/" + encode(id) + "/history", token), "GET", type);
        try {
            return answer.getJsonArray("items").getValuesAs(JsonObject.class);
        } catch (ClassCastException | NullPointerException e) {
            throw new ServiceUnavailableException("catalogs' history of " + type + " is not a list: " + e);
        }
    }

    public JsonObject create(String token, String app, String type, JsonObject values)
            throws ServiceUnavailableException, RecordsRefusedException {
        return ok(api.send("POST", path(app, type), token, values, Map.of()), "POST", type);
    }

    /** Changes the fields in {@code values} of the record as it was at {@code version}: 409 when it is no longer. */
    public JsonObject update(String token, String app, String type, String id, JsonObject values, long version)
            throws ServiceUnavailableException, RecordsRefusedException {
        JsonObject body = Json.createObjectBuilder(values).add("version", version).build();
        return ok(api.send("PATCH", path(app, type) + "/" + encode(id), token, body, Map.of()), "PATCH", type);
    }

    public void delete(String token, String app, String type, String id, long version)
            throws ServiceUnavailableException, RecordsRefusedException {
        ok(api.send("DELETE", path(app, type) + "/" + encode(id) + "?version=" + version, token, null, Map.of()),
                "DELETE", type);
    }

    /** A 4xx but 401 is the user's to know about; anything else means catalogs cannot serve the page. */
    private static JsonObject ok(ApiAnswer answer, String method, String type)
            throws ServiceUnavailableException, RecordsRefusedException {
        if (answer.ok()) {
            return answer.body();
        }
        if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 401) {
            throw new RecordsRefusedException(answer);
        }
        throw new ServiceUnavailableException("catalogs answered HTTP " + answer.status() + " " + answer.code()
                + " to " + method + " " + type);
    }

    private static String path(String app, String type) {
        return "/api/data/" + encode(app) + "/" + encode(type);
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
