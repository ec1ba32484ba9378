package io.plinth.workplace.records;

import jakarta.json.JsonObject;
import java.util.List;

/** The records of one page as catalogs answered them, and how many match in all (0 when not counted). */
public record RecordPage(List<JsonObject> items, long total) {

    public RecordPage {
        items = List.copyOf(items);
    }
}
