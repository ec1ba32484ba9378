package io.plinth.workplace.records;

import java.io.Serializable;
import java.util.Map;

/** A record as a list row: its id and the text of each column. */
public record RecordRow(String id, Map<String, String> cells) implements Serializable {

    public String getId() {
        return id;
    }

    public Map<String, String> getCells() {
        return cells;
    }
}
