package io.plinth.workplace.records;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The records of one page as catalogs answered them, how many match in all (0 when not counted)
 * and the cursor of the page after it (null on the last page, or when paging by offset).
 */
public record RecordPage(List<JsonObject> items, long total, String nextCursor) {

    public RecordPage {
        items = List.copyOf(items);
    }
}
